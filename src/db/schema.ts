/**
 * Kysely's view of migrations/*.sql, written by hand (kysely-codegen cannot introspect D1).
 * test/db/schema.test.ts checks it against the migrated database column by column.
 * Booleans are 0 | 1 and dates ISO text, because that is what both drivers bind.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

type Bool = 0 | 1

export interface SettingsTable {
  key: string
  value: string
  updated_at: string
  updated_by: string | null
}

export interface AgenciesTable {
  code: string
  name: string
  name_folded: string
  level: string
  kind: string
  parent_code: string | null
  fields: string
  area_codes: string
  head_title: string | null
  address: string | null
  valid_from: string | null
  valid_to: string | null
  active: Bool
  created_at: string
  updated_at: string
}

export interface UsersTable {
  id: string
  username: string
  display_name: string
  password_hash: string
  roles: string
  agency_code: string | null
  active: Bool
  created_at: string
  updated_at: string
}

export interface AuthSessionsTable {
  token_hash: string
  user_id: string
  kind: 'cookie' | 'bearer'
  created_at: string
  expires_at: string
}

export interface LoginAttemptsTable {
  id: Generated<number>
  username: string
  ip: string
  at: string
  success: Bool
}

export interface MattersTable {
  id: string
  code: string
  content_type: string
  field: string | null
  summary: string | null
  sender_key: string | null
  respondent_key: string | null
  opened_on: string
  created_at: string
  created_by: string | null
}

export interface ReceptionSessionsTable {
  id: string
  date: string
  kind: 'dinh_ky' | 'dot_xuat'
  host_name: string
  host_folded: string
  delegated: Bool
  conclusion: string | null
  concluded_at: string | null
  created_at: string
  created_by: string | null
}

/** A column its table's triggers fill (migrations/0009): read, never written by the application. */
type TriggerWritten<T> = ColumnType<T, never, never>

export interface ReceptionsTable {
  id: string
  date: string
  kind: 'thuong_xuyen' | 'dinh_ky' | 'dot_xuat'
  form: 'truc_tiep' | 'truc_tuyen'
  session_id: string | null
  host_name: string | null
  persons: number
  matter_id: string
  content_type: string
  field: string | null
  summary: string | null
  handling: string | null
  handled_to: string | null
  refusal_ground: string | null
  letter_id: string | null
  search_text: string
  identity_text: string
  created_at: string
  created_by: string | null
  /** Migration 0003: Mẫu 03/TCD column 8 (the body that already resolved the matter). */
  resolved_by: ColumnType<string | null, string | null | undefined, string | null>
  /** Migration 0003: the guidance document's / forwarding slip's number (columns 10, 11). */
  handled_ref: ColumnType<string | null, string | null | undefined, string | null>
  /** Migration 0009, written by triggers only: the Biểu 01/TCD column group (session's delegation). */
  category: TriggerWritten<'thuong_xuyen' | 'thu_truong' | 'uy_quyen'>
  /** Migration 0009, written by triggers only: the first day the visit's matter was received. */
  matter_first_on: TriggerWritten<string>
}

export interface ReceptionVisitorsTable {
  reception_id: string
  position: number
  name: string
  name_folded: string
  address: string | null
  id_kind: string | null
  id_number: string | null
  representative: Bool
  authorisation: string | null
  identity_key: string | null
  address_key: string | null
}

export interface LettersTable {
  seq: Generated<number>
  id: string
  code: string
  track: 'don_thu' | 'quy_dinh_hanh_chinh'
  received_at: string
  channel: string
  content_type: string
  field: string | null
  location: string | null
  facts: string
  signer_group: string
  sender_count: number
  suggestion: string
  suggested_outcome: string
  status: ColumnType<string, string | undefined, string>
  outcome: string | null
  eligible: Bool | null
  within_competence: Bool | null
  competent_agency_code: string | null
  deadline_rule: string | null
  due_date: string | null
  matter_id: string | null
  duplicate_of: string | null
  search_text: string
  identity_text: ColumnType<string, string | undefined, string>
  access_key_hash: string | null
  idempotency_key: string | null
  created_at: string
  created_by: string | null
  decided_at: string | null
  decided_by: string | null
  sent_at: string | null
  replied_at: string | null
  resolved_at: string | null
  updated_at: string
  version: ColumnType<number, number | undefined, number>
}

export interface LetterSendersTable {
  letter_id: string
  position: number
  name: string | null
  address: string | null
  id_number: string | null
  phone: string | null
  email: string | null
  signed: Bool
  name_folded: string | null
  identity_key: string | null
  address_key: string | null
}

export interface LetterContentsTable {
  letter_id: string
  position: number
  content_type: string
  summary: string | null
}

export interface LetterDecisionsTable {
  id: string
  letter_id: string
  decided_at: string
  decided_by: string
  outcome: string
  competent_agency_code: string | null
  suggested_outcome: string
  overrides: Bool
  note: string | null
}

export interface ForwardingsTable {
  id: string
  letter_id: string
  agency_code: string
  kind: 'huong_dan' | 'chuyen_don' | 'don_doc'
  document_id: string | null
  sent_on: string
  reply_due_on: string | null
  acknowledged_at: string | null
  acknowledged_by: string | null
  replied_on: string | null
  reply_number: string | null
  reply_result: string | null
  replied_by: string | null
  /** Migration 0009, written by triggers only: the letter's track, channel and competent agency. */
  letter_track: TriggerWritten<string>
  letter_channel: TriggerWritten<string>
  letter_agency_code: TriggerWritten<string | null>
}

export interface DocumentsTable {
  id: string
  letter_id: string | null
  reception_id: string | null
  template: string
  number: string | null
  issued_on: string
  addressee_agency_code: string | null
  content: string
  redacted: Bool
  created_at: string
  created_by: string | null
}

export interface AttachmentsTable {
  id: string
  letter_id: string | null
  reception_id: string | null
  file_name: string
  media_type: string
  size: number
  sha256: string
  storage_key: string
  created_at: string
}

export interface AttachmentBlobsTable {
  storage_key: string
  data: Uint8Array
}

export interface HistoryTable {
  id: Generated<number>
  at: string
  actor_id: string | null
  actor_name: string
  on_behalf_of: string | null
  entity: string
  entity_id: string
  action: string
  reason: string | null
  data: string | null
}

/** Migration 0005: what happens while an accepted complaint or denunciation is resolved (append-only). */
export interface ResolutionEventsTable {
  id: string
  letter_id: string
  kind: 'xac_dinh_phuc_tap' | 'doi_thoai' | 'tam_dinh_chi' | 'dinh_chi' | 'tiep_tuc' | 'rut_khieu_nai' | 'gia_han' | 'ket_luan'
  date: string
  data: ColumnType<string, string | undefined, never>
  document_id: string | null
  created_at: string
  created_by: string
}

/** The FTS5 index over letters (migration 0001): rowid = letters.seq; the hidden column named after the table takes MATCH. */
export interface LettersFtsTable {
  rowid: number
  letters_fts: string
  search_text: string
  identity_text: string
}

/** migrations/0007: one row counting every change to what a report is computed from. */
export interface DataVersionTable {
  id: number
  n: number
}

export interface Database {
  data_version: DataVersionTable
  config_version: DataVersionTable
  settings: SettingsTable
  agencies: AgenciesTable
  users: UsersTable
  auth_sessions: AuthSessionsTable
  login_attempts: LoginAttemptsTable
  matters: MattersTable
  reception_sessions: ReceptionSessionsTable
  receptions: ReceptionsTable
  reception_visitors: ReceptionVisitorsTable
  letters: LettersTable
  letters_fts: LettersFtsTable
  letter_senders: LetterSendersTable
  letter_contents: LetterContentsTable
  letter_decisions: LetterDecisionsTable
  forwardings: ForwardingsTable
  documents: DocumentsTable
  attachments: AttachmentsTable
  attachment_blobs: AttachmentBlobsTable
  history: HistoryTable
  resolution_events: ResolutionEventsTable
}

export type AgencyRow = Selectable<AgenciesTable>
export type UserRow = Selectable<UsersTable>
export type NewHistory = Insertable<HistoryTable>
export type LetterRow = Selectable<LettersTable>
export type LetterUpdate = Updateable<LettersTable>
