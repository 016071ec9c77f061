-- pakn schema, part 9: the report's per-visit and per-reply dimensions, kept by triggers.
--
-- A year's report at national volume counted each visit's column group by joining its session,
-- asked for every visited matter whether it had been visited before the window, and joined each
-- reply to its letter for the letter's track, channel and agency: hundreds of thousands of index
-- lookups per report. Those facts change only when the rows they come from change, so they are
-- written once, next to the row that is counted, by triggers (no write path can forget them), and
-- the report's GROUP BY queries read one covering index each. The drill-down lists read the same
-- columns (src/db/report-dims.ts), so a tally and its list stay the same set of records.
-- src/db/report-aggregates.ts holds the backfill statements below for the synthetic-data loader.

-- ----- visits ---------------------------------------------------------------------------------
-- Biểu 01/TCD column group: regular reception, a leader's own session, an authorised deputy's.
ALTER TABLE receptions ADD COLUMN category TEXT CHECK (category IN ('thuong_xuyen', 'thu_truong', 'uy_quyen'));
-- The first day the visit's matter was received at all: the visit is a first-time one in a window
-- starting on or before that day (Biểu 01/TCD "tiếp lần đầu").
ALTER TABLE receptions ADD COLUMN matter_first_on TEXT;

-- The two facts as their sources define them, stated once: the backfill and the triggers copy
-- from here. (iif, not CASE … END: wrangler's statement splitter takes a top-level END for the
-- end of a trigger body.)
CREATE VIEW reception_report_dims AS
SELECT
  r.id,
  iif(r.kind = 'thuong_xuyen', 'thuong_xuyen', iif(s.delegated = 1, 'uy_quyen', 'thu_truong')) AS category,
  (SELECT min(e.date) FROM receptions e WHERE e.matter_id = r.matter_id) AS matter_first_on
FROM receptions r LEFT JOIN reception_sessions s ON s.id = r.session_id;

UPDATE receptions SET (category, matter_first_on) =
  (SELECT d.category, d.matter_first_on FROM reception_report_dims d WHERE d.id = receptions.id);

-- A new visit gets both; the matter's other visits only when it is dated before their first day.
CREATE TRIGGER receptions_report_dims_insert AFTER INSERT ON receptions
BEGIN
  UPDATE receptions SET (category, matter_first_on) =
    (SELECT d.category, d.matter_first_on FROM reception_report_dims d WHERE d.id = receptions.id)
  WHERE id = NEW.id OR (matter_id = NEW.matter_id AND matter_first_on > NEW.date);
END;

-- Visits are never edited today; if one is, its facts follow (and those of the matter it left).
CREATE TRIGGER receptions_report_dims_update AFTER UPDATE OF kind, session_id, date, matter_id ON receptions
BEGIN
  UPDATE receptions SET (category, matter_first_on) =
    (SELECT d.category, d.matter_first_on FROM reception_report_dims d WHERE d.id = receptions.id)
  WHERE id = NEW.id OR matter_id IN (OLD.matter_id, NEW.matter_id);
END;

CREATE TRIGGER reception_sessions_report_dims_update AFTER UPDATE OF delegated ON reception_sessions
BEGIN
  UPDATE receptions SET category = (SELECT d.category FROM reception_report_dims d WHERE d.id = receptions.id)
  WHERE session_id = NEW.id;
END;

-- One index per way the visit summary reads the window (src/db/reports.ts visitSummary): by
-- matter, by session, by bucket (all three walk the whole index without sorting when the window
-- holds most visits), and by date (a short window's range).
DROP INDEX receptions_by_matter;
DROP INDEX receptions_report;
DROP INDEX receptions_session;
CREATE INDEX receptions_by_matter ON receptions (matter_id, kind, category, persons, matter_first_on, session_id, date);
CREATE INDEX receptions_by_session ON receptions (session_id, kind, category, persons, matter_first_on, date) WHERE session_id IS NOT NULL;
CREATE INDEX receptions_by_bucket ON receptions (kind, category, persons, matter_first_on, date);
CREATE INDEX receptions_report ON receptions (date, kind, category, persons, matter_first_on, matter_id, session_id);

-- ----- replies --------------------------------------------------------------------------------
-- The letter's dimensions a reply is counted by, copied onto the forwarding.
ALTER TABLE forwardings ADD COLUMN letter_track TEXT;
ALTER TABLE forwardings ADD COLUMN letter_channel TEXT;
ALTER TABLE forwardings ADD COLUMN letter_agency_code TEXT;

UPDATE forwardings SET (letter_track, letter_channel, letter_agency_code) =
  (SELECT l.track, l.channel, l.competent_agency_code FROM letters l WHERE l.id = forwardings.letter_id);

CREATE TRIGGER forwardings_report_dims_insert AFTER INSERT ON forwardings
BEGIN
  UPDATE forwardings SET (letter_track, letter_channel, letter_agency_code) =
    (SELECT l.track, l.channel, l.competent_agency_code FROM letters l WHERE l.id = NEW.letter_id)
  WHERE id = NEW.id;
END;

CREATE TRIGGER letters_report_dims_update AFTER UPDATE OF track, channel, competent_agency_code ON letters
BEGIN
  UPDATE forwardings SET letter_track = NEW.track, letter_channel = NEW.channel, letter_agency_code = NEW.competent_agency_code
  WHERE letter_id = NEW.id;
END;

-- The replies of a window by range (short windows, the drill-down's order), or whole in the
-- report's grouping order (a window holding most replies). letters_id_dims served only the join
-- these replace; one index fewer on every letter written.
DROP INDEX forwardings_replied;
DROP INDEX letters_id_dims;
CREATE INDEX forwardings_replied ON forwardings (replied_on, letter_track, kind, letter_channel, letter_agency_code);
CREATE INDEX forwardings_report ON forwardings (letter_track, kind, letter_channel, replied_on, letter_agency_code);
