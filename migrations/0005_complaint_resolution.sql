-- pakn schema, part 5: resolving an accepted complaint or denunciation (legal-2026.md §1.3, §2.2;
-- legal-rules.md TC-16): the complexity determination (NĐ 155/2026 Art. 3a), dialogues (Art. 28,
-- minutes Mẫu 14), suspension, resumption and termination (Art. 28a-28b, Mẫu 14a, 14b; Luật Tố
-- cáo Art. 34) and withdrawals (Luật Khiếu nại Art. 10 as amended, NĐ 155 Art. 7a).
--
-- Events are records of state business: append-only like `history`. The sequence rules that the
-- resolution deadline depends on live here too, so a lost race on D1 (no interactive
-- transactions) fails its batch instead of storing a second open suspension.
CREATE TABLE resolution_events (
  id TEXT PRIMARY KEY,
  letter_id TEXT NOT NULL REFERENCES letters (id),
  kind TEXT NOT NULL CHECK (kind IN ('xac_dinh_phuc_tap', 'doi_thoai', 'tam_dinh_chi', 'dinh_chi', 'tiep_tuc', 'rut_khieu_nai')),
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
  CHECK (kind <> 'rut_khieu_nai' OR json_extract(data, '$.scope') IN ('toan_bo', 'mot_phan'))
);
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
