/**
 * A synthetic, realistic year of a reception board's work written straight into a migrated pakn
 * database (with the sample directory loaded): letters with their senders, contents, matters,
 * decisions, forwardings and replies, history; reception visits with leaders' sessions, large
 * groups and matters visited several times. Every row satisfies the schema's CHECK constraints
 * and the letters_fts index is filled (by its trigger, or rebuilt once at the end).
 *
 * Search texts, sender keys and matter keys come from the app's own functions, so duplicate
 * detection and search see these rows exactly as rows the app wrote. Deterministic for a seed.
 */
import type BetterSqlite3 from 'better-sqlite3'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Channel, ContentType, Outcome, SingleContentType } from '../../src/domain/codes.ts'
import { respondentKey, senderKeys, senderSetKey } from '../../src/domain/duplicates.ts'
import type { Letter, Sender } from '../../src/domain/letter.ts'
import { foldVi, foldedWords } from '../../src/domain/text.ts'
import { searchTexts } from '../../src/db/letters.ts'
import { RECORD_ID_ALPHABET, recordIdTime } from '../../src/db/record-id.ts'
import {
  COMMUNE_FIELDS, COMPANIES, FAMILY_NAMES, FIELD_AGENCY, FIELD_WEIGHTS, GIVEN_NAMES, HOSTS, MIDDLE_NAMES, PLACES, PROVINCE,
  REFUSAL_GROUNDS, REGULATION_FEEDBACK, REPLY_RESULTS, REQUESTS, TOPICS, type Place,
} from './vi-data.ts'

export interface SeedOptions {
  letters: number
  visits: number
  /** Letters are received from 1 December of the year before to 31 December of this year. */
  year: number
  seed: number
  /** 'triggers': letters_fts filled row by row; 'rebuild': trigger off during the load, one rebuild at the end. */
  fts: 'triggers' | 'rebuild'
  /**
   * Bulk load: foreign-key checks off and the secondary indexes of the loaded tables dropped
   * during the load, then created again (one sort each instead of a random insert per row).
   * Only for a database no server is using.
   */
  bulk: boolean
  /**
   * Generate the rows in a worker thread while this one writes them (default: for more than
   * 20 000 letters and visits). The rows, and so the database, are the same either way.
   */
  thread?: boolean
  log?: (line: string) => void
}

export interface SeedStats {
  letters: number
  visits: number
  matters: number
  sessions: number
  forwardings: number
  letterSeconds: number
  visitSeconds: number
  /** Creating the dropped indexes again (bulk) and rebuilding letters_fts (fts: rebuild). */
  indexSeconds: number
  ftsSeconds: number
}

// indexes the triggers of each written row search by (migrations/0009: a visit's matter's
// first day), kept during a bulk load: without them every visit would scan all visits
const KEPT_INDEXES = ['receptions_matter']

/**
 * The tables the load writes and their columns, in the order the generator gives a row's values.
 * Written in this order, a row's parents first (the triggers of forwardings and receptions read
 * their letter and session).
 */
export const LOADED_COLUMNS = {
  matters: ['id', 'code', 'content_type', 'field', 'summary', 'sender_key', 'respondent_key', 'opened_on', 'created_at', 'created_by'],
  letters: [
    'id', 'code', 'track', 'received_at', 'channel', 'content_type', 'field', 'location', 'facts', 'signer_group', 'sender_count',
    'suggestion', 'suggested_outcome', 'status', 'outcome', 'eligible', 'within_competence', 'competent_agency_code', 'deadline_rule', 'due_date', 'matter_id', 'duplicate_of',
    'search_text', 'identity_text', 'access_key_hash', 'idempotency_key', 'created_at', 'created_by', 'decided_at', 'decided_by', 'sent_at', 'replied_at', 'resolved_at', 'updated_at', 'version',
  ],
  letter_senders: ['letter_id', 'position', 'name', 'address', 'id_number', 'phone', 'email', 'signed', 'name_folded', 'identity_key', 'address_key'],
  letter_contents: ['letter_id', 'position', 'content_type', 'summary'],
  letter_decisions: ['id', 'letter_id', 'decided_at', 'decided_by', 'outcome', 'competent_agency_code', 'suggested_outcome', 'overrides', 'note'],
  forwardings: ['id', 'letter_id', 'agency_code', 'kind', 'sent_on', 'reply_due_on', 'replied_on', 'reply_number', 'reply_result'],
  reception_sessions: ['id', 'date', 'kind', 'host_name', 'host_folded', 'delegated', 'created_at', 'created_by'],
  receptions: [
    'id', 'date', 'kind', 'form', 'session_id', 'host_name', 'persons', 'matter_id', 'content_type', 'field', 'summary',
    'handling', 'handled_to', 'refusal_ground', 'letter_id', 'search_text', 'identity_text', 'created_at', 'created_by',
  ],
  reception_visitors: ['reception_id', 'position', 'name', 'name_folded', 'address', 'id_kind', 'id_number', 'representative', 'authorisation', 'identity_key', 'address_key'],
  history: ['at', 'actor_id', 'actor_name', 'on_behalf_of', 'entity', 'entity_id', 'action', 'reason', 'data'],
} as const
type LoadedTable = keyof typeof LOADED_COLUMNS
const LOADED_TABLES = Object.keys(LOADED_COLUMNS) as LoadedTable[]
/** A chunk's rows: per table, the values of its rows one after the other (one array, cheap to pass between threads). */
export type ChunkRows = Record<LoadedTable, unknown[]>
const noRows = (): ChunkRows => Object.fromEntries(LOADED_TABLES.map((t) => [t, []])) as unknown as ChunkRows

// ----- randomness ---------------------------------------------------------------------------------

/** sfc32: small, fast, good enough for test data; deterministic for a seed. */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number
  constructor(seed: number) {
    this.a = 0x9e3779b9
    this.b = 0x243f6a88
    this.c = 0xb7e15162
    this.d = seed >>> 0
    for (let i = 0; i < 15; i++) this.next()
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1)
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }
}

/** Picks by weight in O(log n). */
function weighted<T>(table: ReadonlyArray<readonly [T, number]>): (rng: Rng) => T {
  const values = table.map(([v]) => v)
  const cumulative: number[] = []
  let total = 0
  for (const [, w] of table) cumulative.push((total += w))
  return (rng) => {
    const x = rng.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return values[lo]!
  }
}

/** A record id as the app makes one (src/db/record-id.ts): the time part of `at`, then 13 random symbols. */
const newId = (rng: Rng, at: string) => {
  let id = recordIdTime(Date.parse(at))
  for (let i = 0; i < 13; i++) id += RECORD_ID_ALPHABET[rng.int(64)]
  return id
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_SPACE = 31 ** 8
/** Distinct 8-symbol codes that look random: n ↦ n·k + offset mod 31⁸ is a bijection (k prime to 31). */
const codeOf = (n: number, k: number, offset: number) => {
  let x = Number((BigInt(n) * BigInt(k) + BigInt(offset)) % BigInt(CODE_SPACE))
  let code = ''
  for (let i = 0; i < 8; i++) {
    code += CODE_ALPHABET[x % 31]
    x = Math.floor(x / 31)
  }
  return code
}

// ----- dates ---------------------------------------------------------------------------------------

const DAY_MS = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
/** An instant during Vietnam office hours (08:00–17:00, UTC+7) of that day. */
const officeInstant = (rng: Rng, dayMs: number) => new Date(dayMs + 3_600_000 + rng.int(9 * 3_600_000)).toISOString()

function dayWeights(year: number) {
  const start = Date.UTC(year - 1, 11, 1)
  const end = Date.UTC(year, 11, 31)
  const table: Array<[number, number]> = []
  for (let ms = start; ms <= end; ms += DAY_MS) {
    const dow = new Date(ms).getUTCDay()
    table.push([ms, dow === 0 ? 0.05 : dow === 6 ? 0.2 : 1])
  }
  return table
}

/** n days picked by weight, in order (letters and visits are generated as they arrived). */
const sortedDays = (rng: Rng, n: number, table: ReadonlyArray<readonly [number, number]>) => {
  const pick = weighted(table)
  const days = new Float64Array(n)
  for (let i = 0; i < n; i++) days[i] = pick(rng)
  return days.sort()
}

// ----- people ----------------------------------------------------------------------------------------

const pickFamily = weighted(FAMILY_NAMES)
const pickField = weighted(FIELD_WEIGHTS)

/**
 * A person, with the folded forms the app derives from a sender (src/domain/duplicates.ts)
 * computed once, from pre-folded name and address parts: folding every sender anew was the
 * largest cost of the load. `checkPerson` compares them with the app's functions on a sample.
 */
interface Person extends Sender {
  name: string
  address: string
  place: Place
  /** foldedWords(name) joined: senderIdentity().name */
  nameKey: string
  /** letter_senders.identity_key, address_key, and the matter's sender-set part */
  idKey: string | null
  addressKey: string
  identityKey: string
  /** foldVi of name, address and ID number: a visit's identity_text part */
  identityText: string
}

/** Folded forms of the fixed vocabulary, computed once. */
const folded = new Map<string, { words: string; text: string }>()
const fold = (s: string) => {
  let f = folded.get(s)
  if (!f) folded.set(s, (f = { words: foldedWords(s).join(' '), text: foldVi(s) }))
  return f
}

function personName(rng: Rng): string {
  return personParts(rng).join(' ')
}

function personParts(rng: Rng): [string, string, string] {
  const sex = rng.chance(0.5) ? 'male' : 'female'
  return [pickFamily(rng), rng.pick(MIDDLE_NAMES[sex]), rng.pick(GIVEN_NAMES[sex])]
}

/** An address as parts joined by ', ' (the first may be "số 12 đường Hùng Vương"). */
function addressParts(rng: Rng, place: Place): string[] {
  const hamlet = rng.pick(place.hamlets)
  if (place.streets.length > 0 && rng.chance(0.6)) return [`số ${rng.between(1, 320)} đường`, rng.pick(place.streets), hamlet, place.name, PROVINCE]
  return [hamlet, place.name, PROVINCE]
}

function person(rng: Rng, place = rng.pick(PLACES)): Person {
  const nameParts = personParts(rng)
  const parts = addressParts(rng, place)
  const street = parts.length === 5
  const address = street ? `${parts[0]} ${parts.slice(1).join(', ')}` : parts.join(', ')
  const born = rng.between(1940, 2004)
  const idNumber = rng.chance(0.7)
    ? `${place.idPrefix}${born < 2000 ? rng.pick(['0', '1']) : rng.pick(['2', '3'])}${String(born % 100).padStart(2, '0')}${String(rng.int(1_000_000)).padStart(6, '0')}`
    : null
  const phone = rng.chance(0.8) ? `0${rng.pick(['90', '91', '93', '97', '98', '35', '36', '38', '39', '70', '77', '83', '84'])}${String(rng.int(10_000_000)).padStart(7, '0')}` : null
  const nameKey = nameParts.map((p) => fold(p).words).join(' ')
  const addressWords = parts.map((p) => fold(p).words).join(' ')
  const addressText = street ? `${fold(parts[0]!).text} ${parts.slice(1).map((p) => fold(p).text).join(', ')}` : parts.map((p) => fold(p).text).join(', ')
  const idKey = idNumber ? `${nameKey}#id:${idNumber}` : null
  return {
    name: nameParts.join(' '), address, idNumber, phone, email: null, signed: true, place,
    nameKey, idKey, addressKey: `${nameKey}#dc:${addressWords}`, identityKey: idKey ?? `${nameKey}#dc:${addressWords}`,
    identityText: [nameParts.map((p) => fold(p).text).join(' '), addressText, idNumber].filter(Boolean).join(' '),
  }
}

/** The matter's sender-set key (senderSetKey) from the people's identity keys. */
const senderSet = (people: readonly Person[]) => (people.length === 0 ? null : [...new Set(people.map((p) => p.identityKey))].sort().join('|'))

/** The precomputed forms must be what the app computes: checked on a sample of the people. */
function checkPerson(p: Person, visitors: readonly Person[]) {
  const keys = senderKeys(p)
  const same =
    keys.identity?.name === p.nameKey && keys.idKey === p.idKey && keys.addressKey === p.addressKey &&
    senderSetKey(visitors) === senderSet(visitors) && foldVi([p.name, p.address, p.idNumber].filter(Boolean).join(' ')) === p.identityText
  if (!same) throw new Error(`synthetic person's folded forms differ from the app's: ${p.name}, ${p.address}`)
}

// ----- what letters say ----------------------------------------------------------------------------

function fill(rng: Rng, template: string, place: Place, year: number): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'noi': return `${rng.pick(place.hamlets)}, ${place.name}`
      case 'xa': return place.name
      case 'nguoi': return personName(rng)
      case 'so': return String(rng.between(1, 4200))
      case 'nam': return String(rng.between(year - 12, year - 1))
      case 'thang': return String(rng.between(1, 12))
      case 'duong': return rng.pick(place.streets.length > 0 ? place.streets : ['Hùng Vương', 'Quang Trung'])
      case 'cty': return rng.pick(COMPANIES)
      case 'thua': return String(rng.between(1, 900))
      case 'dt': return String(rng.between(80, 5000))
      default: return slot
    }
  })
}

const CHANNEL_WEIGHTS: ReadonlyArray<readonly [Channel, number]> = [
  ['truc_tiep', 30], ['buu_chinh', 30], ['truc_tuyen', 14], ['hop_thu', 3], ['duong_day_nong', 3], ['cong_dvc_quoc_gia', 5],
  ['lanh_dao_chuyen', 4], ['dai_bieu_chuyen', 5], ['bao_chi_chuyen', 2], ['co_quan_chuyen', 4],
]
const CONTENT_WEIGHTS: ReadonlyArray<readonly [ContentType, number]> = [
  ['khieu_nai', 25], ['to_cao', 10], ['kien_nghi_phan_anh', 60], ['nhieu_noi_dung', 5],
]
const pickChannel = weighted(CHANNEL_WEIGHTS)
const pickContent = weighted(CONTENT_WEIGHTS)
const FORWARDERS: Partial<Record<Channel, string[]>> = {
  lanh_dao_chuyen: ['Văn phòng Chính phủ', 'Ban Nội chính Tỉnh ủy'],
  dai_bieu_chuyen: ['Đoàn đại biểu Quốc hội tỉnh Quảng Ngãi', 'Thường trực Hội đồng nhân dân tỉnh', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'],
  bao_chi_chuyen: ['Báo Quảng Ngãi', 'Báo Tuổi Trẻ'],
  co_quan_chuyen: ['Thanh tra Chính phủ', 'Ban Tiếp công dân Trung ương', 'Bộ Nông nghiệp và Môi trường'],
}

const WITHIN: readonly Outcome[] = ['thu_ly', 'khong_thu_ly', 'kiem_tra']
const SENDS: readonly Outcome[] = ['chuyen_don', 'don_doc']

/** The earlier letter a repeat takes its senders and matter from. */
interface Earlier {
  id: string
  matterId: string
  senders: Person[]
  contentType: ContentType
  field: string
  summary: string
  place: Place
  decided: boolean
}

// ----- the load ------------------------------------------------------------------------------------

const STAFF = [
  { id: 'synthetic-staff-tiepdan-1', username: 'mau.tiepdan1', name: 'Trần Thị Thu Hà', roles: ['tiep_dan'] },
  { id: 'synthetic-staff-tiepdan-2', username: 'mau.tiepdan2', name: 'Võ Văn Hưng', roles: ['tiep_dan'] },
  { id: 'synthetic-staff-xuly-1', username: 'mau.xuly1', name: 'Nguyễn Thị Hoa', roles: ['xu_ly_don'] },
  { id: 'synthetic-staff-xuly-2', username: 'mau.xuly2', name: 'Lê Minh Tuấn', roles: ['xu_ly_don'] },
  { id: 'synthetic-staff-xuly-3', username: 'mau.xuly3', name: 'Huỳnh Ngọc Lan', roles: ['xu_ly_don'] },
  { id: 'synthetic-staff-lanhdao', username: 'mau.lanhdao', name: 'Phạm Quốc Dũng', roles: ['lanh_dao'] },
] as const
/** A hash no password matches: the sample staff exist to be named in records, not to sign in. */
const NO_PASSWORD = 'pbkdf2-sha256$100000$c3ludGhldGljLW5vLWxvZ2lu$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='

/** What the generator needs from the database, read before it starts. */
export interface GenerateContext {
  /** The directory: code and name of every agency. */
  agencies: Array<[string, string]>
  /** The largest letters.seq and the number of matters already there: new codes continue after them. */
  letterBase: number
  matterBase: number
}

export type GenerateOptions = Pick<SeedOptions, 'letters' | 'visits' | 'year' | 'seed'>

/** What a written chunk finished: its phase, and how many of that phase's rows are done. */
export interface ChunkDone {
  phase: 'letters' | 'visits'
  upTo: number
}

export interface GeneratedCounts {
  matters: number
  sessions: number
  forwardings: number
}

/**
 * The synthetic year's rows, chunk by chunk: `chunk` gets each chunk's rows (written as one
 * transaction) and what it finished. No I/O: the rows depend only on the options and the context,
 * so they are the same in a worker thread (generate-thread.ts) as here.
 */
export function generateSynthetic(o: GenerateOptions, ctx: GenerateContext, chunk: (rows: ChunkRows, done: ChunkDone) => void): GeneratedCounts {
  const rng = new Rng(o.seed)
  const agencies = new Map(ctx.agencies)
  if (!agencies.has('UBND_TINH')) throw new Error('the sample directory is not loaded (start the app once, or use scripts/seed-synthetic.ts)')
  const agencyName = (code: string | null | undefined) => (code ? (agencies.get(code) ?? null) : null)
  const nowMs = Date.UTC(o.year, 11, 31, 10)
  const nowIso = new Date(nowMs).toISOString()
  // so that several runs into one database do not collide
  const base = ctx.letterBase
  const matterBase = ctx.matterBase
  const receptionStaff = STAFF.filter((s) => s.roles[0] === 'tiep_dan')
  const deciders = STAFF.filter((s) => s.roles[0] !== 'tiep_dan')
  let rows = noRows()

  let matters = 0
  let forwardings = 0
  let nextMatterCode = matterBase
  const newMatter = (contentType: ContentType, field: string | null, summary: string, people: readonly Person[], respondent: Letter['respondent'], openedOn: string, at: string, by: string | null) => {
    const id = newId(rng, at)
    rows.matters.push(id, codeOf(nextMatterCode++, 1_000_003, 97_531), contentType, field, summary.slice(0, 500), senderSet(people), respondentKey(respondent), openedOn, at, by)
    matters++
    return id
  }

  // ----- letters
  const recent: Earlier[] = []
  const RECENT = 20_000
  const letterMatters: Array<{ id: string; contentType: ContentType; field: string; summary: string; senders: Person[] }> = []
  const letterDays = sortedDays(rng, o.letters, dayWeights(o.year))

  const addLetter = (i: number) => {
    const dayMs = letterDays[i]!
    const receivedAt = isoDay(dayMs)
    const createdAt = officeInstant(rng, dayMs)
    const channel = pickChannel(rng)
    const repeatOf = recent.length > 100 && rng.chance(0.12) ? recent[rng.int(recent.length)]! : null
    const regulation = !repeatOf && rng.chance(0.015)
    let contentType: ContentType = repeatOf?.contentType ?? (regulation ? 'kien_nghi_phan_anh' : pickContent(rng))
    const place = repeatOf?.place ?? rng.pick(PLACES)
    const field = repeatOf?.field ?? (regulation ? 'quy_dinh_hanh_chinh' : pickField(rng))
    const anonymous = !repeatOf && (contentType === 'to_cao' ? rng.chance(0.3) : channel === 'hop_thu' && rng.chance(0.5))
    const group = !anonymous && !repeatOf && rng.chance(0.05)
    const senders: Person[] = repeatOf?.senders ?? (anonymous ? [] : Array.from({ length: group ? rng.between(2, 8) : 1 }, () => person(rng, place)))
    const contents: Array<{ contentType: SingleContentType; summary: string }> | null =
      contentType === 'nhieu_noi_dung'
        ? (['khieu_nai', 'to_cao', 'kien_nghi_phan_anh'] as const).filter(() => rng.chance(0.6)).map((t) => ({ contentType: t, summary: fill(rng, rng.pick(TOPICS[field === 'quy_dinh_hanh_chinh' ? 'dat_dai' : field]![t]), place, o.year) }))
        : null
    if (contents && contents.length < 2) contentType = contents[0]?.contentType ?? 'kien_nghi_phan_anh'
    const single: SingleContentType = contentType === 'nhieu_noi_dung' ? contents![0]!.contentType : (contentType as SingleContentType)
    const summary =
      repeatOf?.summary ??
      (regulation ? rng.pick(REGULATION_FEEDBACK) : contents && contents.length >= 2 ? contents.map((c) => c.summary).join(' ') : fill(rng, rng.pick(TOPICS[field]![single]), place, o.year))
    const request = rng.pick(REQUESTS[single])
    const respondentPerson = single !== 'kien_nghi_phan_anh' && rng.chance(0.5) ? personName(rng) : null
    const forwarder = FORWARDERS[channel]
    const secondRound = single === 'khieu_nai' && rng.chance(0.1)
    const letter: Letter = {
      receivedAt,
      channel,
      contentType,
      ...(contents && contentType === 'nhieu_noi_dung' ? { contents } : {}),
      field,
      senders,
      respondent: { agencyCode: single === 'kien_nghi_phan_anh' ? null : place.agency, person: respondentPerson, isHead: false, private: false },
      location: place.area,
      summary,
      request,
      act: single === 'to_cao' ? summary : null,
      hasEvidence: rng.chance(0.6),
      complaintRound: single === 'khieu_nai' ? (secondRound ? 2 : 1) : null,
      ...(single === 'khieu_nai' && rng.chance(0.5) ? { decision: { number: `${rng.between(1, 4200)}/QĐ-UBND`, date: isoDay(dayMs - rng.between(10, 80) * DAY_MS), knownDate: null } } : {}),
      ...(secondRound ? { priorResolution: { round: 1, effective: false } } : {}),
      ...(single === 'to_cao' && repeatOf ? { concluded: rng.chance(0.5) } : {}),
      ...(forwarder ? { forwardedBy: { name: rng.pick(forwarder), reference: `${rng.between(1, 9000)}/CV` } } : {}),
      ...(regulation ? { aboutAdministrativeRegulation: true } : {}),
    }

    // classification and decision, consistent with the schema's CHECKs (RULES.md §1, §7)
    const track = regulation ? 'quy_dinh_hanh_chinh' : 'don_thu'
    const localMatter = COMMUNE_FIELDS.has(field) && rng.chance(0.6)
    let agency = regulation ? 'VP_UBND_TINH' : localMatter ? place.agency : (FIELD_AGENCY[field] ?? 'UBND_TINH')
    // second complaints and denunciations of the province's own officials stay with the province
    if (secondRound || (single === 'to_cao' && (anonymous || rng.chance(0.15)))) agency = 'UBND_TINH'
    const within = agency === 'UBND_TINH' || regulation
    let outcome: Outcome
    if (regulation) outcome = 'thu_ly'
    else if (anonymous && contentType === 'to_cao') outcome = rng.chance(0.6) ? 'kiem_tra' : 'luu_don'
    else if (repeatOf) outcome = rng.chance(0.5) ? 'luu_don' : within ? 'thu_ly' : rng.chance(0.6) ? 'don_doc' : 'chuyen_don'
    else if (contentType === 'nhieu_noi_dung' && rng.chance(0.3)) outcome = 'tach_don'
    else if (rng.chance(0.08)) outcome = 'luu_don'
    else if (within) outcome = rng.chance(single === 'kien_nghi_phan_anh' ? 0.95 : 0.7) ? 'thu_ly' : 'khong_thu_ly'
    else outcome = rng.chance(single === 'khieu_nai' ? 0.6 : 0.2) ? 'huong_dan' : 'chuyen_don'
    const eligible = outcome === 'luu_don' || outcome === 'tach_don' ? 0 : 1
    const withinCompetence = eligible === 1 ? (WITHIN.includes(outcome) ? 1 : 0) : within ? 1 : 0
    const competent = outcome === 'luu_don' && anonymous ? null : agency
    const signerGroup = senders.length === 0 ? 'khac' : senders.length >= 2 ? 'nhieu_nguoi' : 'mot_nguoi'
    const dueDate = isoDay(dayMs + 10 * DAY_MS)
    const suggested: Outcome = rng.chance(0.9) ? outcome : outcome === 'luu_don' ? 'huong_dan' : 'luu_don'

    // handled in 1–9 days mostly, some late; the last weeks of the year are still open
    const lag = rng.chance(0.1) ? rng.between(11, 40) : rng.between(1, 9)
    const decidedDay = dayMs + lag * DAY_MS
    const decided = decidedDay + 10 * 3_600_000 < nowMs && !rng.chance(0.025)
    const decidedAt = decided ? officeInstant(rng, decidedDay) : null
    const sends = decided && SENDS.includes(outcome) && competent !== null
    const replyDay = decidedDay + rng.between(10, 60) * DAY_MS
    const replied = sends && replyDay < nowMs && rng.chance(0.65)
    const resolved = decided && (regulation ? rng.chance(0.7) : outcome === 'thu_ly' && rng.chance(0.3))
    const resolvedAt = resolved ? officeInstant(rng, decidedDay + rng.between(5, 45) * DAY_MS) : null
    const resolvedAtBounded = resolvedAt !== null && resolvedAt < nowIso ? resolvedAt : null
    const status = !decided ? 'moi' : replied ? 'da_phuc_dap' : sends ? 'cho_phuc_dap' : resolvedAtBounded ? 'da_giai_quyet' : 'da_xu_ly'
    const decider = rng.pick(deciders)
    const registrar = channel === 'truc_tuyen' ? null : rng.pick(receptionStaff)

    const id = newId(rng, createdAt)
    const code = codeOf(base + i, 1_000_039, 12_345)
    const matterId = repeatOf?.matterId ?? newMatter(contentType, field, summary, senders, letter.respondent, receivedAt, createdAt, registrar?.id ?? null)
    const texts = searchTexts(code, letter, agencyName)
    const suggestion = {
      contentType, eligible: suggested !== 'luu_don' && suggested !== 'tach_don', reasons: suggested === 'luu_don' ? ['thieu_thong_tin'] : [],
      signerGroup, competentAgencyCode: competent, withinCompetence: within, outcome: suggested, dueDate, deadlineRule: 'D1',
      duplicateOf: repeatOf?.id ?? null, legalBasis: [], track, reasonDetails: [], matterId,
    }
    const { senders: _senders, ...facts } = letter
    const online = channel === 'truc_tuyen'
    rows.letters.push(
      id, code, track, receivedAt, channel, contentType, field, place.area, JSON.stringify(facts), signerGroup,
      senders.length, JSON.stringify(suggestion), suggested, status,
      decided ? outcome : null, decided ? eligible : null, decided ? withinCompetence : null, competent, outcome === 'thu_ly' && decided ? 'D3' : 'D1',
      outcome === 'thu_ly' && decided ? isoDay(dayMs + 30 * DAY_MS) : dueDate, matterId, repeatOf?.id ?? null, texts.search, texts.identity,
      online ? `${(base + i).toString(16).padStart(16, '0')}${'0'.repeat(48)}` : null, online ? `api:synthetic-${base + i}` : null,
      createdAt, registrar?.id ?? null, decidedAt, decided ? decider.id : null, sends ? decidedAt : null,
      replied ? `${isoDay(replyDay)}T03:00:00.000Z` : null, resolvedAtBounded, decidedAt ?? createdAt, decided ? 2 : 1,
    )
    senders.forEach((s, position) => {
      rows.letter_senders.push(id, position, s.name, s.address, s.idNumber, s.phone, null, 1, s.nameKey, s.idKey, s.addressKey)
    })
    if (i % 997 === 0 && senders[0]) checkPerson(senders[0], senders)
    if (contentType === 'nhieu_noi_dung') contents!.forEach((c, position) => rows.letter_contents.push(id, position, c.contentType, c.summary))
    rows.history.push(createdAt, registrar?.id ?? null, registrar?.name ?? 'Công dân', null, 'letter', id, 'tiep_nhan',
      null, JSON.stringify({ channel, suggestion: { outcome: suggested, competentAgencyCode: competent, dueDate }, duplicateOf: repeatOf?.id ?? null }))
    if (decidedAt) {
      const overrides = suggested !== outcome ? 1 : 0
      const note = overrides ? 'Đề xuất chưa phù hợp với nội dung đơn sau khi xem xét hồ sơ.' : null
      rows.letter_decisions.push(newId(rng, decidedAt), id, decidedAt, decider.id, outcome, competent, suggested, overrides, note)
      rows.history.push(decidedAt, decider.id, decider.name, null, 'letter', id, overrides ? 'quyet_dinh_khac_de_xuat' : 'quyet_dinh_theo_de_xuat', note,
        JSON.stringify({ outcome, competentAgencyCode: competent, suggestedOutcome: suggested }))
      if (sends) {
        rows.forwardings.push(newId(rng, decidedAt), id, competent, outcome, isoDay(decidedDay), isoDay(decidedDay + 30 * DAY_MS),
          replied ? isoDay(replyDay) : null, replied ? `${rng.between(1, 3000)}/UBND-TCD` : null, replied ? rng.pick(REPLY_RESULTS) : null)
        forwardings++
      }
    }
    const earlier: Earlier = { id: repeatOf?.id ?? id, matterId, senders, contentType, field, summary, place, decided }
    if (senders.length > 0 && !regulation) {
      if (recent.length < RECENT) recent.push(earlier)
      else recent[rng.int(RECENT)] = earlier
    }
    if (letterMatters.length < 50_000 && channel === 'truc_tiep' && senders.length > 0) letterMatters.push({ id: matterId, contentType, field, summary, senders })
  }

  const CHUNK = 5_000
  const inChunks = (n: number, phase: ChunkDone['phase'], add: (i: number) => void) => {
    for (let from = 0; from < n; from += CHUNK) {
      const upTo = Math.min(n, from + CHUNK)
      for (let i = from; i < upTo; i++) add(i)
      const done = rows
      rows = noRows()
      chunk(done, { phase, upTo })
    }
  }

  // ----- visits
  const visitDays = sortedDays(rng, o.visits, dayWeights(o.year).map(([ms, w]) => [ms, w < 1 ? 0 : 1] as [number, number]))
  const sessions = new Map<string, string>()
  const visited: Array<{ matterId: string; visitors: Person[]; contentType: ContentType; field: string; summary: string }> = []
  const RECENT_VISITS = 30_000
  const hostFolded = HOSTS.map((h) => foldVi(h.name))
  const pickHandling = weighted<string>([['nhan_don', 30], ['huong_dan', 40], ['giai_thich', 25], ['chuyen_don', 4], ['tu_choi', 1]])

  const addVisit = (i: number) => {
    const dayMs = visitDays[i]!
    const date = isoDay(dayMs)
    const at = officeInstant(rng, dayMs)
    const r = rng.next()
    const kind = r < 0.88 ? 'thuong_xuyen' : r < 0.97 ? 'dinh_ky' : 'dot_xuat'
    const large = rng.chance(0.03)
    let persons = large ? rng.between(5, 60) : rng.chance(0.75) ? 1 : rng.between(2, 4)
    // a matter visited before (several times), a letter's matter, or a new one
    const again = visited.length > 100 && rng.chance(0.3) ? visited[rng.int(visited.length)]! : null
    const ofLetter = !again && letterMatters.length > 0 && rng.chance(0.05) ? letterMatters[rng.int(letterMatters.length)]! : null
    const place = rng.pick(PLACES)
    const contentType: ContentType = again?.contentType ?? ofLetter?.contentType ?? pickContent(rng)
    const field = again?.field ?? ofLetter?.field ?? pickField(rng)
    const single: SingleContentType = contentType === 'nhieu_noi_dung' ? 'khieu_nai' : contentType
    const summary = again?.summary ?? ofLetter?.summary ?? fill(rng, rng.pick(TOPICS[field]![single]), place, o.year)
    const visitors = again?.visitors ?? ofLetter?.senders ?? Array.from({ length: Math.min(persons, 5) }, () => person(rng, place))
    persons = Math.max(persons, visitors.length)
    const staff = rng.pick(receptionStaff)
    const matterId = again?.matterId ?? ofLetter?.id ?? newMatter(contentType, field, summary, visitors, null, date, at, staff.id)
    let sessionId: string | null = null
    let hostName: string | null = null
    if (kind !== 'thuong_xuyen') {
      const h = rng.int(HOSTS.length)
      hostName = HOSTS[h]!.name
      const key = `${date}|${h}`
      sessionId = sessions.get(key) ?? null
      if (!sessionId) {
        sessionId = newId(rng, at)
        sessions.set(key, sessionId)
        rows.reception_sessions.push(sessionId, date, kind, hostName, hostFolded[h], HOSTS[h]!.delegated ? 1 : 0, at, staff.id)
      }
    }
    const handling = pickHandling(rng)
    const handledTo = handling === 'huong_dan' || handling === 'chuyen_don' ? agencyName(FIELD_AGENCY[field] ?? 'UBND_TINH') : null
    const id = newId(rng, at)
    rows.receptions.push(
      id, date, kind, rng.chance(0.03) ? 'truc_tuyen' : 'truc_tiep', sessionId, hostName, persons, matterId, contentType, field, summary,
      handling, handledTo, handling === 'tu_choi' ? rng.pick(REFUSAL_GROUNDS) : null, null,
      foldVi([summary, hostName, handledTo].filter(Boolean).join(' ')),
      visitors.map((v) => v.identityText).join(' '),
      at, staff.id,
    )
    visitors.forEach((v, position) => {
      rows.reception_visitors.push(id, position, v.name, v.nameKey, v.address, v.idNumber ? 'can_cuoc' : null, v.idNumber, large ? 1 : 0, null, v.idKey, v.addressKey)
    })
    if (i % 997 === 0) checkPerson(visitors[0]!, visitors)
    rows.history.push(at, staff.id, staff.name, null, 'reception', id, 'tiep_cong_dan', null, JSON.stringify({ date, kind, persons, matterId, handling }))
    const entry = { matterId, visitors, contentType, field, summary }
    if (visited.length < RECENT_VISITS) visited.push(entry)
    else visited[rng.int(RECENT_VISITS)] = entry
  }

  inChunks(o.letters, 'letters', addLetter)
  inChunks(o.visits, 'visits', addVisit)
  return { matters, sessions: sessions.size, forwardings }
}

// ----- writing ---------------------------------------------------------------------------------------

/** Chunks written in one transaction (50 000 letters). */
const CHUNKS_PER_TRANSACTION = 10

/** A chunk's rows written with one INSERT per ROWS_PER_INSERT rows of a table: fewer statements run (a quarter faster at 100 000 letters; at a million the B-trees cost the same either way). */
const ROWS_PER_INSERT = 50

function rowWriter(sqlite: BetterSqlite3.Database): (rows: ChunkRows) => void {
  const statements = LOADED_TABLES.map((table) => {
    const columns = LOADED_COLUMNS[table]
    const tuple = `(${columns.map(() => '?').join(', ')})`
    const insert = (n: number) => sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array<string>(n).fill(tuple).join(', ')}`)
    return { table, width: columns.length, many: insert(ROWS_PER_INSERT), one: insert(1) }
  })
  return (rows) => {
    for (const { table, width, many, one } of statements) {
      const values = rows[table]
      const step = width * ROWS_PER_INSERT
      let at = 0
      for (; at + step <= values.length; at += step) many.run(values.slice(at, at + step))
      for (; at < values.length; at += width) one.run(values.slice(at, at + width))
    }
  }
}

/** Runs the generator in a worker thread; resolves when every chunk it made was written with `write`. */
async function generateApart(o: GenerateOptions, ctx: GenerateContext, write: (rows: ChunkRows, done: ChunkDone) => void): Promise<GeneratedCounts> {
  // the thread's program is bundled from TypeScript here: a worker does not inherit tsx or vitest's loader
  const { buildSync } = await import('esbuild')
  const [bundle] = buildSync({
    entryPoints: [fileURLToPath(new URL('./generate-thread.ts', import.meta.url))],
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'error',
  }).outputFiles
  const ahead = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(bundle!.text, { eval: true, workerData: { options: { letters: o.letters, visits: o.visits, year: o.year, seed: o.seed }, context: ctx, ahead } satisfies ThreadData })
  try {
    return await new Promise<GeneratedCounts>((resolve, reject) => {
      worker.on('message', (message: { rows: ChunkRows; done: ChunkDone } | { counts: GeneratedCounts }) => {
        if ('counts' in message) return resolve(message.counts)
        try {
          write(message.rows, message.done)
        } catch (error) {
          return reject(error)
        }
        Atomics.sub(ahead, 0, 1)
        Atomics.notify(ahead, 0)
      })
      worker.on('error', reject)
      worker.on('exit', (code) => reject(new Error(`the generator thread exited (${code}) before it finished`)))
    })
  } finally {
    await worker.terminate()
  }
}

/** What generate-thread.ts is given. */
export interface ThreadData {
  options: GenerateOptions
  context: GenerateContext
  /** Chunks posted and not yet written: the thread waits while there are MAX_CHUNKS_AHEAD. */
  ahead: Int32Array
}
/** Chunks the generator may be ahead of the writer (each 5 000 letters, ~20 MB to pass between threads). */
export const MAX_CHUNKS_AHEAD = 2

// ----- the load -----------------------------------------------------------------------------------

export async function seedSynthetic(sqlite: BetterSqlite3.Database, o: SeedOptions): Promise<SeedStats> {
  const log = o.log ?? (() => {})
  const nowIso = new Date(Date.UTC(o.year, 11, 31, 10)).toISOString()
  const context: GenerateContext = {
    agencies: (sqlite.prepare('SELECT code, name FROM agencies').raw().all() as Array<[string, string]>),
    letterBase: (sqlite.prepare('SELECT coalesce(max(seq), 0) AS n FROM letters').get() as { n: number }).n,
    matterBase: (sqlite.prepare('SELECT count(*) AS n FROM matters').get() as { n: number }).n,
  }
  const insertUser = sqlite.prepare(`INSERT OR IGNORE INTO users (id, username, display_name, password_hash, roles, agency_code, active, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, NULL, 1, ?, ?)`)
  for (const s of STAFF) insertUser.run(s.id, s.username, `${s.name} (dữ liệu mẫu)`, NO_PASSWORD, JSON.stringify(s.roles), nowIso, nowIso)

  // what bulk mode and the FTS rebuild take away is put back even if the load fails
  const seconds = (from: number) => (performance.now() - from) / 1000
  const ftsTrigger = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'letters_fts_insert'").get() as { sql: string } | undefined)?.sql
  const indexes = o.bulk
    ? (sqlite
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (${LOADED_TABLES.map(() => '?').join(', ')}) AND name NOT IN (${KEPT_INDEXES.map(() => '?').join(', ')})`,
        )
        .all(...LOADED_TABLES, ...KEPT_INDEXES) as Array<{ name: string; sql: string }>)
    : []
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number
  const stats: SeedStats = { letters: o.letters, visits: o.visits, matters: 0, sessions: 0, forwardings: 0, letterSeconds: 0, visitSeconds: 0, indexSeconds: 0, ftsSeconds: 0 }
  if (o.bulk) sqlite.pragma('foreign_keys = OFF')
  for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`)
  if (o.fts === 'rebuild' && ftsTrigger) sqlite.exec('DROP TRIGGER letters_fts_insert')
  try {
    const writeRows = rowWriter(sqlite)
    const start = performance.now()
    let lettersDone = o.letters === 0 ? start : 0
    // several chunks per transaction: once the indexes are large, a commit writes nearly every page
    // of their random-key B-trees (ids, codes) however few rows it holds, so fewer commits write less
    let inTransaction = 0
    const write = (rows: ChunkRows, done: ChunkDone) => {
      if (inTransaction === 0) sqlite.exec('BEGIN')
      writeRows(rows)
      const total = done.phase === 'letters' ? o.letters : o.visits
      if (++inTransaction === CHUNKS_PER_TRANSACTION || done.upTo === total) {
        sqlite.exec('COMMIT')
        inTransaction = 0
      }
      if (done.upTo % 20_000 === 0 || done.upTo === total) log(`  ${done.upTo.toLocaleString('vi-VN')} ${done.phase === 'letters' ? 'đơn' : 'lượt tiếp'}`)
      if (done.phase === 'letters' && done.upTo === total) lettersDone = performance.now()
    }
    const apart = o.thread ?? o.letters + o.visits > 20_000
    let counts: GeneratedCounts
    try {
      counts = apart ? await generateApart(o, context, write) : generateSynthetic(o, context, write)
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
      throw error
    }
    Object.assign(stats, counts)
    stats.letterSeconds = (lettersDone - start) / 1000
    stats.visitSeconds = seconds(lettersDone)
  } finally {
    let t = performance.now()
    for (const index of indexes) sqlite.exec(index.sql)
    stats.indexSeconds = seconds(t)
    if (o.fts === 'rebuild' && ftsTrigger) {
      t = performance.now()
      sqlite.exec("INSERT INTO letters_fts (letters_fts) VALUES ('rebuild')")
      sqlite.exec(ftsTrigger)
      stats.ftsSeconds = seconds(t)
    }
    sqlite.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`)
  }
  return stats
}
