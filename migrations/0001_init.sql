-- pakn schema, part 1: the whole domain.
-- Plain SQLite shared by better-sqlite3 (src/db/migrate.ts) and D1 (wrangler d1 migrations apply).
-- No PRAGMA lines (D1 refuses them). Dates are 'YYYY-MM-DD' (Vietnam local date), timestamps
-- ISO 8601 text. Booleans are 0/1 (better-sqlite3 cannot bind JS booleans).
-- Invariants live here as CHECK constraints and triggers so that no code path can break them.

-- ---------------------------------------------------------------------------------------------
-- Settings: one row per key, JSON value. Typed and defaulted in src/domain/settings.ts.
CREATE TABLE settings (
  key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL,
  updated_by TEXT
);

-- ---------------------------------------------------------------------------------------------
-- Agencies: an effective-dated tree (RULES.md §3). Fields and areas are JSON arrays of codes;
-- the directory is small and routing loads it whole.
CREATE TABLE agencies (
  code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 2 AND 64 AND code NOT GLOB '*[^A-Za-z0-9_.-]*'),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  name_folded TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('trung_uong', 'tinh', 'huyen', 'xa')),
  kind TEXT NOT NULL CHECK (kind IN ('ubnd', 'so', 'thanh_tra', 'ban_tiep_cong_dan', 'cong_an', 'toa_an', 'vien_kiem_sat', 'dang', 'khac')),
  parent_code TEXT REFERENCES agencies (code) DEFERRABLE INITIALLY DEFERRED,
  fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields) AND json_type(fields) = 'array'),
  area_codes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(area_codes) AND json_type(area_codes) = 'array'),
  head_title TEXT,
  address TEXT,
  valid_from TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  valid_to TEXT CHECK (valid_to IS NULL OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (parent_code IS NULL OR parent_code <> code),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX agencies_parent ON agencies (parent_code);

-- ---------------------------------------------------------------------------------------------
-- Users, sessions and login throttling.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 64 AND username NOT GLOB '*[^a-z0-9_.-]*'),
  display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
  password_hash TEXT NOT NULL CHECK (password_hash LIKE 'pbkdf2-sha256$%'),
  roles TEXT NOT NULL CHECK (json_valid(roles) AND json_type(roles) = 'array' AND json_array_length(roles) > 0),
  agency_code TEXT REFERENCES agencies (code),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- a receiving-agency user is always bound to an agency (it sees only that agency's items)
  CHECK (instr(roles, '"co_quan"') = 0 OR agency_code IS NOT NULL)
);
CREATE TRIGGER users_roles_known_insert BEFORE INSERT ON users
WHEN EXISTS (SELECT 1 FROM json_each(NEW.roles) WHERE value NOT IN ('admin', 'tiep_dan', 'xu_ly_don', 'lanh_dao', 'bao_cao', 'co_quan'))
BEGIN
  SELECT RAISE(ABORT, 'unknown role');
END;
CREATE TRIGGER users_roles_known_update BEFORE UPDATE OF roles ON users
WHEN EXISTS (SELECT 1 FROM json_each(NEW.roles) WHERE value NOT IN ('admin', 'tiep_dan', 'xu_ly_don', 'lanh_dao', 'bao_cao', 'co_quan'))
BEGIN
  SELECT RAISE(ABORT, 'unknown role');
END;

-- Only a SHA-256 of the session id / bearer token is stored: a copy of the database
-- does not let anyone sign in.
CREATE TABLE auth_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('cookie', 'bearer')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  CHECK (expires_at > created_at)
);
CREATE INDEX auth_sessions_user ON auth_sessions (user_id);

CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  ip TEXT NOT NULL,
  at TEXT NOT NULL,
  success INTEGER NOT NULL CHECK (success IN (0, 1))
);
CREATE INDEX login_attempts_username ON login_attempts (username, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

-- ---------------------------------------------------------------------------------------------
-- Matters (vụ việc): letters and visits about the same thing from the same people.
CREATE TABLE matters (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  content_type TEXT NOT NULL CHECK (content_type IN ('khieu_nai', 'to_cao', 'kien_nghi_phan_anh', 'nhieu_noi_dung')),
  field TEXT,
  summary TEXT,
  -- normalised sender set and respondent: the identity part of duplicate detection (RULES.md §4)
  sender_key TEXT,
  respondent_key TEXT,
  opened_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users (id)
);
CREATE INDEX matters_sender ON matters (sender_key);

-- ---------------------------------------------------------------------------------------------
-- Reception: leaders' sessions (kỳ tiếp), visits (lượt tiếp) and visitors.
CREATE TABLE reception_sessions (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('dinh_ky', 'dot_xuat')),
  host_name TEXT NOT NULL CHECK (length(trim(host_name)) > 0),
  host_folded TEXT NOT NULL,
  -- received by an authorised deputy (ủy quyền tiếp, Biểu 01/TCD col. 21-29)
  delegated INTEGER NOT NULL DEFAULT 0 CHECK (delegated IN (0, 1)),
  conclusion TEXT,
  concluded_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users (id),
  UNIQUE (date, host_folded),
  CHECK ((conclusion IS NULL) = (concluded_at IS NULL))
);

CREATE TABLE receptions (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('thuong_xuyen', 'dinh_ky', 'dot_xuat')),
  form TEXT NOT NULL DEFAULT 'truc_tiep' CHECK (form IN ('truc_tiep', 'truc_tuyen')),
  session_id TEXT REFERENCES reception_sessions (id),
  host_name TEXT,
  persons INTEGER NOT NULL CHECK (persons BETWEEN 1 AND 100000),
  matter_id TEXT NOT NULL REFERENCES matters (id),
  content_type TEXT NOT NULL CHECK (content_type IN ('khieu_nai', 'to_cao', 'kien_nghi_phan_anh', 'nhieu_noi_dung')),
  field TEXT,
  summary TEXT,
  -- how the visit was handled (Mẫu 03/TCD columns 10-12)
  handling TEXT CHECK (handling IS NULL OR handling IN ('nhan_don', 'huong_dan', 'chuyen_don', 'giai_thich', 'tu_choi')),
  handled_to TEXT,
  refusal_ground TEXT,
  letter_id TEXT REFERENCES letters (id),
  search_text TEXT NOT NULL DEFAULT '',
  identity_text TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users (id),
  -- leaders' periodic / ad hoc reception always belongs to a session; regular reception never does
  CHECK ((kind = 'thuong_xuyen') = (session_id IS NULL)),
  CHECK (handling IS NOT 'tu_choi' OR refusal_ground IS NOT NULL)
);
CREATE INDEX receptions_date ON receptions (date);
CREATE INDEX receptions_matter ON receptions (matter_id, date);

CREATE TABLE reception_visitors (
  reception_id TEXT NOT NULL REFERENCES receptions (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  name_folded TEXT NOT NULL,
  address TEXT,
  id_kind TEXT CHECK (id_kind IS NULL OR id_kind IN ('can_cuoc', 'giay_chung_nhan_can_cuoc', 'dinh_danh', 'ho_chieu', 'khac')),
  id_number TEXT,
  representative INTEGER NOT NULL DEFAULT 0 CHECK (representative IN (0, 1)),
  authorisation TEXT,
  identity_key TEXT,
  address_key TEXT,
  PRIMARY KEY (reception_id, position)
);
CREATE INDEX reception_visitors_identity ON reception_visitors (identity_key);
CREATE INDEX reception_visitors_address ON reception_visitors (address_key);

-- ---------------------------------------------------------------------------------------------
-- Letters (đơn). `seq` is the internal integer key (FTS rowid, stable paging); `id` the public one.
-- `facts` keeps the letter as received, minus the senders (they live in letter_senders so that
-- a denouncer's identity has one place to protect).
CREATE TABLE letters (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  -- administrative-regulation feedback (NĐ 20/2008) is counted on its own track
  track TEXT NOT NULL DEFAULT 'don_thu' CHECK (track IN ('don_thu', 'quy_dinh_hanh_chinh')),
  received_at TEXT NOT NULL CHECK (received_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  channel TEXT NOT NULL CHECK (channel IN ('truc_tiep', 'buu_chinh', 'hop_thu', 'truc_tuyen', 'duong_day_nong', 'cong_dvc_quoc_gia', 'lanh_dao_chuyen', 'dai_bieu_chuyen', 'bao_chi_chuyen', 'co_quan_chuyen')),
  content_type TEXT NOT NULL CHECK (content_type IN ('khieu_nai', 'to_cao', 'kien_nghi_phan_anh', 'nhieu_noi_dung')),
  field TEXT,
  location TEXT,
  facts TEXT NOT NULL CHECK (json_valid(facts)),
  signer_group TEXT NOT NULL CHECK (signer_group IN ('nhieu_nguoi', 'mot_nguoi', 'khac')),
  sender_count INTEGER NOT NULL CHECK (sender_count >= 0),
  -- the system's suggestion, stored at registration
  suggestion TEXT NOT NULL CHECK (json_valid(suggestion)),
  suggested_outcome TEXT NOT NULL CHECK (suggested_outcome IN ('thu_ly', 'khong_thu_ly', 'kiem_tra', 'huong_dan', 'chuyen_don', 'don_doc', 'tach_don', 'luu_don')),
  -- the officer's decision; NULL until decided
  status TEXT NOT NULL DEFAULT 'moi' CHECK (status IN ('moi', 'da_xu_ly', 'cho_phuc_dap', 'da_phuc_dap', 'da_giai_quyet')),
  outcome TEXT CHECK (outcome IS NULL OR outcome IN ('thu_ly', 'khong_thu_ly', 'kiem_tra', 'huong_dan', 'chuyen_don', 'don_doc', 'tach_don', 'luu_don')),
  eligible INTEGER CHECK (eligible IS NULL OR eligible IN (0, 1)),
  within_competence INTEGER CHECK (within_competence IS NULL OR within_competence IN (0, 1)),
  competent_agency_code TEXT REFERENCES agencies (code),
  deadline_rule TEXT,
  due_date TEXT,
  matter_id TEXT REFERENCES matters (id),
  duplicate_of TEXT REFERENCES letters (id),
  -- folded text for search: the letter's content (code, summary, request, act, respondent) ...
  search_text TEXT NOT NULL,
  -- ... and, apart, its senders' names, addresses and ID numbers, which only the roles that may
  -- see a denouncer's identity can search in a denunciation (Luật Tố cáo Art. 56)
  identity_text TEXT NOT NULL DEFAULT '',
  -- citizen access to the status page: only a hash of the key is kept
  access_key_hash TEXT,
  -- a resent submission with the same key creates no second letter
  idempotency_key TEXT UNIQUE,
  -- per-milestone timestamps
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users (id),
  decided_at TEXT,
  decided_by TEXT REFERENCES users (id),
  sent_at TEXT,
  replied_at TEXT,
  resolved_at TEXT,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- a letter is decided exactly when it has a decision time, an outcome and a decider
  CHECK ((status = 'moi') = (decided_at IS NULL)),
  CHECK (decided_at IS NULL OR (outcome IS NOT NULL AND eligible IS NOT NULL AND within_competence IS NOT NULL)),
  -- the outcome agrees with eligibility and competence (RULES.md §1, §7 invariants)
  CHECK (outcome IS NULL OR eligible = 1 OR outcome IN ('luu_don', 'tach_don')),
  CHECK (outcome IS NULL OR eligible = 0 OR within_competence = 1 OR outcome IN ('huong_dan', 'chuyen_don', 'don_doc')),
  CHECK (outcome IS NULL OR eligible = 0 OR within_competence = 0 OR outcome IN ('thu_ly', 'khong_thu_ly', 'kiem_tra')),
  CHECK (status NOT IN ('cho_phuc_dap', 'da_phuc_dap') OR sent_at IS NOT NULL),
  CHECK (replied_at IS NULL OR sent_at IS NOT NULL),
  CHECK (duplicate_of IS NULL OR duplicate_of <> id)
);
CREATE INDEX letters_received ON letters (received_at, seq);
CREATE INDEX letters_status ON letters (status, due_date);
CREATE INDEX letters_matter ON letters (matter_id);
CREATE INDEX letters_competent ON letters (competent_agency_code, status);

CREATE VIRTUAL TABLE letters_fts USING fts5 (
  search_text,
  identity_text,
  content = 'letters',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER letters_fts_insert AFTER INSERT ON letters BEGIN
  INSERT INTO letters_fts (rowid, search_text, identity_text) VALUES (NEW.seq, NEW.search_text, NEW.identity_text);
END;
CREATE TRIGGER letters_fts_update AFTER UPDATE OF search_text, identity_text ON letters BEGIN
  INSERT INTO letters_fts (letters_fts, rowid, search_text, identity_text) VALUES ('delete', OLD.seq, OLD.search_text, OLD.identity_text);
  INSERT INTO letters_fts (rowid, search_text, identity_text) VALUES (NEW.seq, NEW.search_text, NEW.identity_text);
END;
-- Letters are records of state business: they are never deleted.
CREATE TRIGGER letters_no_delete BEFORE DELETE ON letters BEGIN
  SELECT RAISE(ABORT, 'letters are never deleted');
END;

CREATE TABLE letter_senders (
  letter_id TEXT NOT NULL REFERENCES letters (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  name TEXT,
  address TEXT,
  id_number TEXT,
  phone TEXT,
  email TEXT,
  signed INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1)),
  name_folded TEXT,
  -- the two ways a sender is recognised again (RULES.md §4): folded name + ID number, and folded
  -- name + folded address; a later letter matches on either (people do not always give their ID)
  identity_key TEXT,
  address_key TEXT,
  PRIMARY KEY (letter_id, position)
);
CREATE INDEX letter_senders_identity ON letter_senders (identity_key);
CREATE INDEX letter_senders_address ON letter_senders (address_key);

CREATE TABLE letter_contents (
  letter_id TEXT NOT NULL REFERENCES letters (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  content_type TEXT NOT NULL CHECK (content_type IN ('khieu_nai', 'to_cao', 'kien_nghi_phan_anh')),
  summary TEXT,
  PRIMARY KEY (letter_id, position)
);

-- Every decision ever taken on a letter; the letter row carries the current one.
CREATE TABLE letter_decisions (
  id TEXT PRIMARY KEY,
  letter_id TEXT NOT NULL REFERENCES letters (id),
  decided_at TEXT NOT NULL,
  decided_by TEXT NOT NULL REFERENCES users (id),
  outcome TEXT NOT NULL CHECK (outcome IN ('thu_ly', 'khong_thu_ly', 'kiem_tra', 'huong_dan', 'chuyen_don', 'don_doc', 'tach_don', 'luu_don')),
  competent_agency_code TEXT REFERENCES agencies (code),
  suggested_outcome TEXT NOT NULL,
  overrides INTEGER NOT NULL CHECK (overrides IN (0, 1)),
  note TEXT,
  -- overriding the suggestion needs a reason
  CHECK (overrides = 0 OR length(trim(coalesce(note, ''))) > 0)
);
CREATE INDEX letter_decisions_letter ON letter_decisions (letter_id, decided_at);
CREATE TRIGGER letter_decisions_no_update BEFORE UPDATE ON letter_decisions BEGIN
  SELECT RAISE(ABORT, 'decisions are append-only');
END;
CREATE TRIGGER letter_decisions_no_delete BEFORE DELETE ON letter_decisions BEGIN
  SELECT RAISE(ABORT, 'decisions are append-only');
END;

-- Letters sent out to another agency (guided, forwarded, follow-up request) and its reply.
CREATE TABLE forwardings (
  id TEXT PRIMARY KEY,
  letter_id TEXT NOT NULL REFERENCES letters (id),
  agency_code TEXT NOT NULL REFERENCES agencies (code),
  kind TEXT NOT NULL CHECK (kind IN ('huong_dan', 'chuyen_don', 'don_doc')),
  document_id TEXT REFERENCES documents (id),
  sent_on TEXT NOT NULL,
  reply_due_on TEXT,
  acknowledged_at TEXT,
  acknowledged_by TEXT REFERENCES users (id),
  replied_on TEXT,
  reply_number TEXT,
  reply_result TEXT,
  replied_by TEXT REFERENCES users (id),
  CHECK (replied_on IS NULL OR replied_on >= sent_on),
  CHECK ((replied_on IS NULL) = (reply_result IS NULL))
);
CREATE INDEX forwardings_agency ON forwardings (agency_code, replied_on);
CREATE INDEX forwardings_letter ON forwardings (letter_id);

-- ---------------------------------------------------------------------------------------------
-- Documents issued (Mẫu 01/02/03 TT05, TCD forms, ...). `content` is the snapshot that was
-- rendered, so a reprint years later shows what was sent.
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  letter_id TEXT REFERENCES letters (id),
  reception_id TEXT REFERENCES receptions (id),
  template TEXT NOT NULL CHECK (length(template) > 0),
  number TEXT,
  issued_on TEXT NOT NULL,
  addressee_agency_code TEXT REFERENCES agencies (code),
  content TEXT NOT NULL CHECK (json_valid(content)),
  -- the copy leaves the board: it carries no denouncer identity (Luật Tố cáo Art. 56)
  redacted INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users (id),
  CHECK (letter_id IS NOT NULL OR reception_id IS NOT NULL)
);
CREATE INDEX documents_letter ON documents (letter_id);

-- ---------------------------------------------------------------------------------------------
-- Attachments: metadata here; bytes in a storage port (attachment_blobs on Node, R2 on Workers).
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  letter_id TEXT REFERENCES letters (id),
  reception_id TEXT REFERENCES receptions (id),
  file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 10485760),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  storage_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  CHECK (letter_id IS NOT NULL OR reception_id IS NOT NULL)
);
CREATE INDEX attachments_letter ON attachments (letter_id);

CREATE TABLE attachment_blobs (
  storage_key TEXT PRIMARY KEY,
  data BLOB NOT NULL
);

-- ---------------------------------------------------------------------------------------------
-- History: who did what, when and why, to which record. Append-only (UPDATE/DELETE refused).
CREATE TABLE history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT NOT NULL,
  -- staff acting for a citizen (registering a paper letter, a hotline call)
  on_behalf_of TEXT,
  entity TEXT NOT NULL CHECK (entity IN ('letter', 'matter', 'reception', 'session', 'agency', 'settings', 'user', 'document', 'forwarding', 'auth')),
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (length(action) > 0),
  reason TEXT,
  data TEXT CHECK (data IS NULL OR json_valid(data))
);
CREATE INDEX history_entity ON history (entity, entity_id, id);
CREATE INDEX history_actor ON history (actor_id, id);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN
  SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN
  SELECT RAISE(ABORT, 'history is append-only');
END;

-- ---------------------------------------------------------------------------------------------
-- A one-row table whose CHECK turns "the previous statement changed no row" into an error inside
-- an atomic batch: optimistic concurrency on D1, which has no interactive transactions
-- (see guardPreviousChanged in src/db/db.ts).
CREATE TABLE batch_guard (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  changed INTEGER NOT NULL CHECK (changed > 0)
);
