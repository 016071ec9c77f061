-- pakn schema, part 2: what the periodic reports count (RULES.md §7, legal-rules.md §11).
--
-- A report is a set of GROUP BY counts over a few dimensions of each letter; the drill-down lists
-- filter on the very same dimensions. Two of them are read from the letter's facts, so they are
-- virtual generated columns: computed by SQLite from `facts`, never written by the application,
-- and the same value for the tally and for the list behind it.

-- The content type a letter is counted under in "đủ điều kiện xử lý" (khiếu nại / tố cáo /
-- kiến nghị, phản ánh): its own type, or for a several-content letter handled as one letter the
-- type of its first listed content (as src/domain/classify.ts treats it), kiến nghị, phản ánh
-- when none is listed. So khieuNai + toCao + kienNghiPhanAnh = duDieuKien for any letter.
ALTER TABLE letters ADD COLUMN report_content_type TEXT GENERATED ALWAYS AS (
  CASE
    WHEN content_type <> 'nhieu_noi_dung' THEN content_type
    WHEN json_extract(facts, '$.contents[0].contentType') IN ('khieu_nai', 'to_cao') THEN json_extract(facts, '$.contents[0].contentType')
    ELSE 'kien_nghi_phan_anh'
  END
) VIRTUAL;

-- Biểu 01/XLD "phân loại theo tình trạng giải quyết" (CONV, the form's definition is UNVERIFIED):
-- already resolved several times (an earlier resolution of round 2 or more), resolved once (an
-- earlier first-round resolution, a second complaint, a denunciation already concluded), or not
-- yet resolved.
ALTER TABLE letters ADD COLUMN resolution_stage TEXT GENERATED ALWAYS AS (
  CASE
    WHEN json_extract(facts, '$.priorResolution.round') >= 2 THEN 'nhieu_lan'
    WHEN json_extract(facts, '$.priorResolution.round') = 1
      OR json_extract(facts, '$.complaintRound') = 2
      OR json_extract(facts, '$.concluded') = 1 THEN 'lan_dau'
    ELSE 'chua'
  END
) VIRTUAL;

-- The report's letter query groups by the leading columns in this order, so SQLite walks the
-- index once without sorting and never reads the table (a full year of 1M letters in ~0.2 s);
-- the trailing columns are the time and agency conditions of the same query and the charts.
CREATE INDEX letters_report ON letters (
  track, signer_group, content_type, report_content_type, channel, outcome, resolution_stage,
  received_at, decided_at, resolved_at, competent_agency_code, due_date, field, matter_id
);

-- "Số văn bản phúc đáp nhận được": replies received in a window.
CREATE INDEX forwardings_replied ON forwardings (replied_on);
