-- pakn schema, part 8: two new kinds of resolution event.
-- - `gia_han`: extending the resolution of a denunciation (Luật Tố cáo Art. 30; legal-rules.md TC-14):
--   a complex denunciation is extended once, an especially complex one twice, each time by at most
--   30 days, by a written decision.
-- - `ket_luan`: the end of the resolution — the complaint's resolution decision (Luật Khiếu nại
--   Art. 31, 40) or the conclusion on a denunciation's content (Luật Tố cáo Art. 35): its number,
--   the finding (right, wrong, partly right) and what was decided. Nothing is recorded after it.
--
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt: the rows are copied in
-- their order (the sequence triggers read the latest event by rowid), the old table dropped (its
-- implicit DELETE fires no trigger) and the new one renamed. The trigger of migration 0006 reads
-- this table, so it is dropped first and created again after, unchanged; so are the index and the
-- triggers of migration 0005.
DROP TRIGGER letters_outcome_fixed_once_resolving;

CREATE TABLE resolution_events_next (
  id TEXT PRIMARY KEY,
  letter_id TEXT NOT NULL REFERENCES letters (id),
  kind TEXT NOT NULL CHECK (kind IN ('xac_dinh_phuc_tap', 'doi_thoai', 'tam_dinh_chi', 'dinh_chi', 'tiep_tuc', 'rut_khieu_nai', 'gia_han', 'ket_luan')),
  -- the day of the decision, dialogue or withdrawal (Vietnam date), which picks the rules applied
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data) AND json_type(data) = 'object'),
  -- the decision or minutes it issued (none for a withdrawal: that is the citizen's own letter)
  document_id TEXT REFERENCES documents (id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  -- a complexity determination names at least one criterion of Art. 3a and says why
  CHECK (kind <> 'xac_dinh_phuc_tap' OR (coalesce(json_array_length(data, '$.criteria'), 0) > 0 AND length(trim(coalesce(json_extract(data, '$.reason'), ''))) > 0)),
  -- a suspension or termination states its ground (Luật Khiếu nại Art. 11a: "nêu rõ lý do, căn cứ")
  CHECK (kind NOT IN ('tam_dinh_chi', 'dinh_chi') OR length(coalesce(json_extract(data, '$.ground'), '')) > 0),
  -- Mẫu 14 records whether the complainant came, and an absence with or without reason
  CHECK (kind <> 'doi_thoai' OR json_extract(data, '$.attendance') IN ('co_mat', 'vang_co_ly_do', 'vang_khong_ly_do')),
  CHECK (kind <> 'rut_khieu_nai' OR json_extract(data, '$.scope') IN ('toan_bo', 'mot_phan')),
  -- an extension adds 1 to 30 days and says why (Luật Tố cáo Art. 30)
  CHECK (kind <> 'gia_han' OR (json_type(data, '$.days') = 'integer' AND json_extract(data, '$.days') BETWEEN 1 AND 30 AND length(trim(coalesce(json_extract(data, '$.reason'), ''))) > 0)),
  -- a resolution decision or conclusion has its number and its finding
  CHECK (kind <> 'ket_luan' OR (length(trim(coalesce(json_extract(data, '$.number'), ''))) > 0 AND json_extract(data, '$.finding') IN ('dung', 'sai', 'dung_mot_phan')))
);

INSERT INTO resolution_events_next (id, letter_id, kind, date, data, document_id, created_at, created_by)
SELECT id, letter_id, kind, date, data, document_id, created_at, created_by FROM resolution_events ORDER BY rowid;

DROP TABLE resolution_events;

ALTER TABLE resolution_events_next RENAME TO resolution_events;

CREATE INDEX resolution_events_letter ON resolution_events (letter_id, created_at);

CREATE TRIGGER resolution_events_no_update BEFORE UPDATE ON resolution_events BEGIN
  SELECT RAISE(ABORT, 'resolution events are append-only');
END;
CREATE TRIGGER resolution_events_no_delete BEFORE DELETE ON resolution_events BEGIN
  SELECT RAISE(ABORT, 'resolution events are append-only');
END;

-- Nothing is recorded after a termination (đình chỉ): the case is closed.
CREATE TRIGGER resolution_events_closed BEFORE INSERT ON resolution_events
WHEN EXISTS (SELECT 1 FROM resolution_events WHERE letter_id = NEW.letter_id AND kind = 'dinh_chi')
BEGIN
  SELECT RAISE(ABORT, 'resolution terminated');
END;

-- One open suspension at a time; only a suspended case is resumed.
CREATE TRIGGER resolution_events_suspend_once BEFORE INSERT ON resolution_events
WHEN NEW.kind = 'tam_dinh_chi'
  AND (SELECT kind FROM resolution_events WHERE letter_id = NEW.letter_id AND kind IN ('tam_dinh_chi', 'tiep_tuc') ORDER BY rowid DESC LIMIT 1) = 'tam_dinh_chi'
BEGIN
  SELECT RAISE(ABORT, 'already suspended');
END;
CREATE TRIGGER resolution_events_resume_suspended BEFORE INSERT ON resolution_events
WHEN NEW.kind = 'tiep_tuc'
  AND coalesce((SELECT kind FROM resolution_events WHERE letter_id = NEW.letter_id AND kind IN ('tam_dinh_chi', 'tiep_tuc') ORDER BY rowid DESC LIMIT 1), '') <> 'tam_dinh_chi'
BEGIN
  SELECT RAISE(ABORT, 'not suspended');
END;

-- Nothing is recorded after the resolution decision or conclusion: the case is resolved.
CREATE TRIGGER resolution_events_concluded BEFORE INSERT ON resolution_events
WHEN EXISTS (SELECT 1 FROM resolution_events WHERE letter_id = NEW.letter_id AND kind = 'ket_luan')
BEGIN
  SELECT RAISE(ABORT, 'resolution closed');
END;

-- At most two extensions (the limit is also checked before recording; this keeps a lost race out).
CREATE TRIGGER resolution_events_extend_twice BEFORE INSERT ON resolution_events
WHEN NEW.kind = 'gia_han'
  AND (SELECT count(*) FROM resolution_events WHERE letter_id = NEW.letter_id AND kind = 'gia_han') >= 2
BEGIN
  SELECT RAISE(ABORT, 'extended twice');
END;

CREATE TRIGGER letters_outcome_fixed_once_resolving BEFORE UPDATE OF outcome ON letters
WHEN NEW.outcome IS NOT OLD.outcome AND EXISTS (SELECT 1 FROM resolution_events WHERE letter_id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'resolution already started');
END;
