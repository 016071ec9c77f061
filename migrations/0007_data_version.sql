-- A counter of every change to what a citizen-reception report is computed from: the letters,
-- the visits and their sessions, the forwardings and their replies, the agency directory and the
-- settings. A report is a function of those rows and of its request alone (nothing in it depends
-- on the clock), so a report built at version n is the report for as long as the counter reads n:
-- the page, its CSV, its workbook and its print view are built once (src/http/reports.ts).
-- Triggers, not application code, bump it, so no write path can forget to.
CREATE TABLE data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL CHECK (n >= 0)
);
INSERT INTO data_version (id, n) VALUES (1, 0);

CREATE TRIGGER letters_data_version_insert AFTER INSERT ON letters
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER letters_data_version_update AFTER UPDATE ON letters
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER letters_data_version_delete AFTER DELETE ON letters
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER receptions_data_version_insert AFTER INSERT ON receptions
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER receptions_data_version_update AFTER UPDATE ON receptions
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER receptions_data_version_delete AFTER DELETE ON receptions
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER reception_sessions_data_version_insert AFTER INSERT ON reception_sessions
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER reception_sessions_data_version_update AFTER UPDATE ON reception_sessions
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER reception_sessions_data_version_delete AFTER DELETE ON reception_sessions
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER forwardings_data_version_insert AFTER INSERT ON forwardings
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER forwardings_data_version_update AFTER UPDATE ON forwardings
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER forwardings_data_version_delete AFTER DELETE ON forwardings
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER agencies_data_version_insert AFTER INSERT ON agencies
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER agencies_data_version_update AFTER UPDATE ON agencies
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER agencies_data_version_delete AFTER DELETE ON agencies
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER settings_data_version_insert AFTER INSERT ON settings
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER settings_data_version_update AFTER UPDATE ON settings
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER settings_data_version_delete AFTER DELETE ON settings
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
END;
