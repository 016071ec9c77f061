-- pakn schema, part 4: indexes for a national volume (about a million letters and half a
-- million visits a year on one server; bench/RESULTS.md). Only indexes: no data changes.

-- The triage queue: undecided (or any status) letters, newest first. With (status, due_date)
-- alone, `status = 'moi' ORDER BY received_at DESC` sorted every open letter (with its facts)
-- before returning the first page; this walks them in order and stops after the page.
CREATE INDEX letters_status_received ON letters (status, received_at, seq);

-- Replies in a report window (Biểu 01/XLD "văn bản phúc đáp"), src/db/reports.ts: each replied
-- forwarding's letter is found by id in a covering index (track, channel, competent agency), so the
-- ~2 KB letter row is never read; the forwardings themselves are read from a covering index in
-- letter order (replacing forwardings_letter, its prefix), so consecutive lookups stay close.
CREATE INDEX letters_id_dims ON letters (id, track, channel, competent_agency_code);
CREATE INDEX forwardings_letter_reply ON forwardings (letter_id, replied_on, kind);
DROP INDEX forwardings_letter;

-- Visits of a report window grouped by matter, kind, persons and session: for a window holding
-- most visits, read whole in that order (no sort); for a short window, its date range, covered
-- (replacing receptions_date, its prefix). The visit rows (summaries, search texts) are not read.
CREATE INDEX receptions_by_matter ON receptions (matter_id, kind, persons, session_id, date);
CREATE INDEX receptions_report ON receptions (date, kind, persons, matter_id, session_id);
DROP INDEX receptions_date;
