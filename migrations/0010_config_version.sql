-- pakn schema, part 10: a counter of changes to the settings and the agency directory.
--
-- Every letter's classification reads the whole directory and every setting; at intake rates that
-- was a fifth of a letter's work, for rows that change a few times a year. The server keeps the
-- parsed settings and directory while this counter stands (src/db/config-cache.ts); triggers,
-- not application code, move it, so no write path can leave a stale copy behind, on any runtime.
CREATE TABLE config_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL CHECK (n >= 0)
);
INSERT INTO config_version (id, n) VALUES (1, 0);

CREATE TRIGGER agencies_config_version_insert AFTER INSERT ON agencies
BEGIN
  UPDATE config_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER agencies_config_version_update AFTER UPDATE ON agencies
BEGIN
  UPDATE config_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER agencies_config_version_delete AFTER DELETE ON agencies
BEGIN
  UPDATE config_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER settings_config_version_insert AFTER INSERT ON settings
BEGIN
  UPDATE config_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER settings_config_version_update AFTER UPDATE ON settings
BEGIN
  UPDATE config_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER settings_config_version_delete AFTER DELETE ON settings
BEGIN
  UPDATE config_version SET n = n + 1 WHERE id = 1;
END;
