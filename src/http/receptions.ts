/**
 * The reception use cases shared by the JSON API and the staff pages: record a visit (with the
 * letter handed in, the refusal notice and the receipt it calls for, in one atomic batch), show
 * a visit, the register (Mẫu 03/TCD) and a leader's session to a given user — a denunciation
 * visitor's identity only to the roles allowed to see it, every such view logged (Luật Tố cáo
 * Art. 56) — and conclude a session with its notice.
 */
import type { CompiledQuery } from 'kysely'
import { vnDateOf } from '../domain/calendar.ts'
import { OUTCOMES } from '../domain/codes.ts'
import { dueDate } from '../domain/deadlines.ts'
import { vnDateShort } from '../domain/document-format.ts'
import { buildReceptionDocument, RECEPTION_TEMPLATES, type ReceptionDocumentKind, type ReceptionDocumentModel } from '../domain/documents.ts'
import type { Letter } from '../domain/letter.ts'
import { can } from '../domain/permissions.ts'
import {
  ART12_ID_KINDS,
  CONTENT_SHORT,
  ID_KINDS,
  RECEPTION_FORMS,
  RECEPTION_KINDS,
  groundByCode,
  groundsOn,
  isLargeGroup,
  regimeOn,
  visitProtectsIdentity,
  type IdKind,
} from '../domain/reception.ts'
import { calendarOf, type Settings } from '../domain/settings.ts'
import type { Agency } from '../domain/agency.ts'
import type { Db } from '../db/db.ts'
import { documentsOfReceptions, getReceptionDocument, insertReceptionDocument, type StoredReceptionDocument } from '../db/documents.ts'
import { recordHistory, type Actor } from '../db/history.ts'
import { formatCode } from '../db/letters.ts'
import { withFreshCodes } from '../db/record-code.ts'
import {
  concludeSessionQueries,
  getReception,
  getSession,
  identityViewQueries,
  letterFactsOf,
  matterExists,
  receptionWrites,
  searchMatters,
  sessionIdOf,
  sessionVisits,
  type MatterHit,
  type StoredSession,
  type StoredVisit,
  type VisitLetterFacts,
} from '../db/receptions.ts'
import { getLetter } from '../db/letters.ts'
import { isGuardFailure } from '../db/db.ts'
import { newRecordId } from '../db/record-id.ts'
import type { CurrentUser } from './env.ts'
import type { FieldError } from './errors.ts'
import { registerClassifiedLetter, rulesContext } from './letters.ts'
import type { ReceptionInput } from './schemas/reception.ts'

const actorOf = (user: CurrentUser): Actor => ({ id: user.id, name: user.displayName })

// ----- who may see what ---------------------------------------------------------------------------

/** Visits are read by the roles that read letters; a receiving agency's users never see them. */
export const canViewVisits = (user: Pick<CurrentUser, 'roles'>) => can(user.roles, 'view_letters')

/** A denunciation visit's visitors only to the roles that may see a denouncer (RULES.md §6). */
export const mayViewVisitors = (user: Pick<CurrentUser, 'roles'>, contentType: string) =>
  !visitProtectsIdentity(contentType) || can(user.roles, 'view_denouncer_identity')

/** Records that these visits' denunciation visitors were shown to the user (nothing when none). */
export async function logIdentityViews(db: Db, user: CurrentUser, visits: readonly Pick<StoredVisit, 'id' | 'contentType' | 'visitors'>[], where: string, now: Date) {
  const shown = visits.filter((v) => visitProtectsIdentity(v.contentType) && v.visitors.length > 0 && mayViewVisitors(user, v.contentType)).map((v) => v.id)
  if (shown.length > 0) await db.atomic(identityViewQueries(db, now, actorOf(user), shown, { where }))
}

// ----- recording a visit --------------------------------------------------------------------------

export interface RecordOptions {
  /**
   * The staff screens apply what the law asks of a visit recorded today (NĐ 154 Art. 12: ID
   * papers from 2026-07-01; online reception only from then; a large group's representatives;
   * a handling and a summary for the register); the API also takes historical visits without them.
   */
  staffScreen: boolean
}

export interface RecordedVisit {
  id: string
  matterId: string
  sessionId: string | null
  letterId: string | null
  letterCode: string | null
  documents: Array<{ id: string; kind: ReceptionDocumentKind; template: string; title: string }>
  /** The refusal notice (Mẫu 01/TCD) is due by this day (D17), when the ground calls for one. */
  refusalNoticeDue: string | null
}

export type RecordOutcome = { ok: true; visit: RecordedVisit } | { ok: false; errors: FieldError[] }

/** The day the refusal notice is due (D17: 3 working days), by the deadline table in force on the visit date. */
export function refusalNoticeDue(visit: { date: string; handling: string | null; refusalGround: string | null }, settings: Settings): string | null {
  const ground = groundByCode(visit.refusalGround)
  if (visit.handling !== 'tu_choi' || !ground?.writtenNotice) return null
  return dueDate({ rules: settings.deadlines, calendar: calendarOf(settings), rule: 'D17', from: visit.date }).dueDate
}

/** What the schema cannot know: the database, the date's rules, the settings. */
export async function visitProblems(db: Db, input: ReceptionInput, settings: Settings, today: string, options: RecordOptions): Promise<FieldError[]> {
  const problems: FieldError[] = []
  if (input.caseId && !(await matterExists(db, input.caseId))) problems.push({ path: 'caseId', message: 'Không tìm thấy vụ việc này.' })
  if (input.letterId && !(await getLetter(db, input.letterId))) problems.push({ path: 'letterId', message: 'Không tìm thấy đơn này.' })
  if (input.handling === 'tu_choi' && input.refusalGround && !groundsOn(input.date).some((g) => g.code === input.refusalGround)) {
    problems.push({ path: 'refusalGround', message: `Lý do từ chối này không áp dụng cho lượt tiếp ngày ${vnDateShort(input.date)}.` })
  }
  if (!options.staffScreen) return problems

  const regime = regimeOn(input.date)
  if (input.date > today) problems.push({ path: 'date', message: 'Ngày tiếp không được sau ngày hôm nay.' })
  if (input.form === 'truc_tuyen' && !regime.onlineReception) {
    problems.push({ path: 'form', message: 'Tiếp công dân trực tuyến chỉ áp dụng từ ngày 01/7/2026 (Luật số 136/2025/QH15).' })
  }
  input.visitors.forEach((visitor, i) => {
    if (visitor.idNumber && !visitor.idKind) problems.push({ path: `visitors.${i}.idKind`, message: 'Chọn loại giấy tờ của số đã ghi.' })
    if (!regime.identityRequired) return
    // NĐ 154/2026 Art. 12 cl. 1: name, address and one of the four papers, for every visitor
    if (!visitor.address) problems.push({ path: `visitors.${i}.address`, message: 'Từ ngày 01/7/2026 phải ghi địa chỉ của người đến (Điều 12 Nghị định 154/2026).' })
    if (!visitor.idNumber) {
      problems.push({ path: `visitors.${i}.idNumber`, message: 'Từ ngày 01/7/2026 phải ghi số căn cước, số định danh cá nhân hoặc số hộ chiếu (Điều 12 Nghị định 154/2026).' })
    }
    if (visitor.idKind && !ART12_ID_KINDS.includes(visitor.idKind)) {
      problems.push({ path: `visitors.${i}.idKind`, message: 'Từ ngày 01/7/2026 chỉ dùng căn cước, giấy chứng nhận căn cước, số định danh cá nhân hoặc hộ chiếu.' })
    }
  })
  if (isLargeGroup(input.persons, settings.largeGroupThreshold) && !input.visitors.some((v) => v.representative)) {
    problems.push({ path: 'visitors', message: `Đoàn từ ${settings.largeGroupThreshold} người trở lên là đoàn đông người: đánh dấu người đại diện của đoàn.` })
  }
  if (!input.summary) problems.push({ path: 'summary', message: 'Ghi tóm tắt nội dung công dân trình bày (cột 5 của sổ tiếp công dân).' })
  if (!input.handling) problems.push({ path: 'handling', message: 'Chọn kết quả tiếp.' })
  if (input.handling === 'huong_dan' && !input.handledTo) problems.push({ path: 'handledTo', message: 'Ghi cơ quan, người có thẩm quyền mà công dân được hướng dẫn đến.' })
  if (input.handling === 'chuyen_don' && !input.handledTo) problems.push({ path: 'handledTo', message: 'Ghi cơ quan tiếp nhận đơn được chuyển.' })
  return problems
}

/** The letter handed in at the visit, as the letter rules see it: received and written that day, signed by the visitors. */
export function letterOfVisit(input: ReceptionInput): Letter {
  return {
    receivedAt: input.date,
    channel: 'truc_tiep',
    contentType: input.contentType,
    field: input.field || null,
    writtenDate: input.date,
    senders: input.visitors.map((v) => ({ name: v.name, address: v.address ?? null, idNumber: v.idNumber ?? null, signed: true })),
    respondent: input.respondentPerson ? { person: input.respondentPerson } : null,
    summary: input.summary ?? null,
    ...(input.contentType === 'to_cao' ? { act: input.summary ?? null } : { request: input.request ?? null }),
  }
}

/**
 * Records a visit. With a letter to register (createLetter, or "nhận đơn" on the staff screen),
 * the letter is classified and registered by the letter use case, its statements collected
 * instead of run, and run in the same batch as the visit and its documents: a visit never
 * exists without its letter or the other way round. The letter joins the visit's matter — the
 * one the officer picked, else the one the duplicate check found, else a new one.
 */
export function recordVisit(db: Db, input: ReceptionInput, user: CurrentUser, now: Date, options: RecordOptions): Promise<RecordOutcome> {
  // a new matter's or letter's code may clash with a stored one: the whole visit is built again
  return withFreshCodes(() => recordVisitOnce(db, input, user, now, options))
}

async function recordVisitOnce(db: Db, input: ReceptionInput, user: CurrentUser, now: Date, options: RecordOptions): Promise<RecordOutcome> {
  const rules = await rulesContext(db)
  const { agencies, settings } = rules
  const today = vnDateOf(now)
  const problems = await visitProblems(db, input, settings, today, options)
  if (problems.length > 0) return { ok: false, errors: problems }

  const actor = actorOf(user)
  const queries: CompiledQuery[] = []
  const createLetter = input.createLetter === true || (options.staffScreen && input.handling === 'nhan_don' && !input.letterId)
  let letter: { id: string; code: string; matterId: string } | null = null
  let openedByLetter: string | null = null
  if (createLetter) {
    const collected: CompiledQuery[] = []
    const deferred: Db = {
      ...db,
      atomic: async (batch) => {
        collected.push(...batch)
        return batch.map(() => ({ changes: 0 }))
      },
    }
    const registered = await registerClassifiedLetter(deferred, letterOfVisit(input), actor, now, {}, rules)
    letter = { id: registered.id, code: registered.code, matterId: registered.matterId }
    queries.push(...collected)
    if (!(await matterExists(db, registered.matterId))) openedByLetter = registered.matterId
  }
  const matterId = input.caseId ?? letter?.matterId ?? null
  if (letter && input.caseId && letter.matterId !== input.caseId) {
    queries.push(db.kysely.updateTable('letters').set({ matter_id: input.caseId }).where('id', '=', letter.id).compile())
  }

  const handling = input.handling ?? (createLetter ? 'nhan_don' : null)
  const refusalGround = handling === 'tu_choi' ? (input.refusalGround ?? null) : null
  const writes = await receptionWrites(
    db,
    {
      date: input.date,
      kind: input.kind,
      form: input.form,
      hostName: input.hostName ?? null,
      delegated: input.delegated ?? false,
      persons: input.persons,
      matterId,
      contentType: input.contentType,
      field: input.field || null,
      summary: input.summary ?? null,
      visitors: input.visitors.map((v) => ({ ...v, representative: v.representative ?? false })),
      handling,
      handledTo: input.handledTo ?? null,
      handledRef: input.handledRef ?? null,
      refusalGround,
      resolvedBy: input.resolvedBy ?? null,
      letterId: letter?.id ?? input.letterId ?? null,
    },
    actor,
    now,
  )
  queries.push(...writes.queries)

  // the documents the visit calls for, built from the visit as recorded
  const ground = groundByCode(refusalGround)
  const kinds: ReceptionDocumentKind[] = []
  if (handling === 'tu_choi' && ground?.writtenNotice) kinds.push('tu_choi')
  const received = (input.documentsReceived ?? []).filter(Boolean)
  if (received.length > 0) kinds.push('bien_nhan')
  const documents: RecordedVisit['documents'] = []
  for (const kind of kinds) {
    const model = buildReceptionDocument(kind, {
      visit: {
        id: writes.id,
        date: input.date,
        kind: input.kind,
        hostName: input.hostName ?? null,
        persons: input.persons,
        contentType: input.contentType,
        summary: input.summary ?? null,
        sessionId: null,
        visitors: input.visitors,
        refusalGround: ground,
      },
      documentsReceived: received,
      officerName: user.displayName,
      agencies,
      settings,
      issuedOn: today,
    })
    if (!model) continue
    const id = newRecordId()
    queries.push(
      insertReceptionDocument(db, id, writes.id, model, user.id, now),
      recordHistory(db, now, actor, { entity: 'document', entityId: id, action: 'lap_van_ban', data: { receptionId: writes.id, template: model.template } }),
    )
    documents.push({ id, kind, template: model.template, title: model.title })
  }
  // a matter the letter opened is not needed when the officer picked an earlier one
  if (openedByLetter && input.caseId && openedByLetter !== input.caseId) {
    queries.push(
      db.kysely
        .deleteFrom('matters')
        .where('id', '=', openedByLetter)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('letters').select('id').where('matter_id', '=', openedByLetter))))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('receptions').select('id').where('matter_id', '=', openedByLetter))))
        .compile(),
    )
  }
  await db.atomic(queries)
  return {
    ok: true,
    visit: {
      id: writes.id,
      matterId: writes.matterId,
      sessionId: await sessionIdOf(db, writes.sessionKey),
      letterId: letter?.id ?? input.letterId ?? null,
      letterCode: letter ? formatCode(letter.code) : null,
      documents,
      refusalNoticeDue: refusalNoticeDue({ date: input.date, handling, refusalGround }, settings),
    },
  }
}

// ----- a visit as a viewer sees it ----------------------------------------------------------------

export interface VisitView {
  visit: StoredVisit
  /** False when the visitors are withheld from this viewer (a denunciation). */
  identityShown: boolean
  largeGroup: boolean
  refusalNoticeDue: string | null
  documents: StoredReceptionDocument[]
  letter: VisitLetterFacts | null
}

/** Documents that name a denunciation visitor (the notice and the receipt go to the citizen) follow the visitors' rule. */
const documentNamesVisitor = (visit: Pick<StoredVisit, 'contentType'>, doc: StoredReceptionDocument) =>
  !doc.redacted && visitProtectsIdentity(visit.contentType) && RECEPTION_TEMPLATES[doc.template]?.audience === 'nguoi_gui'

export const visibleVisitDocuments = (user: CurrentUser, visit: Pick<StoredVisit, 'contentType'>, documents: readonly StoredReceptionDocument[]) =>
  documents.filter((d) => !documentNamesVisitor(visit, d) || mayViewVisitors(user, visit.contentType))

/** One visit for this viewer, or null (not found). The caller checked canViewVisits. */
export async function visitForViewer(db: Db, id: string, user: CurrentUser, now: Date, settings: Settings, where: string): Promise<VisitView | null> {
  const visit = await getReception(db, id)
  if (!visit) return null
  const identityShown = mayViewVisitors(user, visit.contentType)
  await logIdentityViews(db, user, [visit], where, now)
  const [documents, letters] = await Promise.all([documentsOfReceptions(db, [visit.id]), visit.letterId ? letterFactsOf(db, [visit.letterId]) : null])
  return {
    visit: identityShown ? visit : { ...visit, visitors: [] },
    identityShown,
    largeGroup: isLargeGroup(visit.persons, settings.largeGroupThreshold),
    refusalNoticeDue: refusalNoticeDue(visit, settings),
    documents: visibleVisitDocuments(user, visit, documents),
    letter: visit.letterId ? (letters?.get(visit.letterId) ?? null) : null,
  }
}

/** GET /api/v1/receptions/{id}. */
export function visitJson(view: VisitView) {
  const v = view.visit
  const ground = groundByCode(v.refusalGround)
  return {
    id: v.id,
    date: v.date,
    kind: v.kind,
    form: v.form,
    hostName: v.hostName,
    delegated: v.delegated,
    sessionId: v.sessionId,
    persons: v.persons,
    largeGroup: view.largeGroup,
    caseId: v.matterId,
    matterCode: v.matterCode ? formatCode(v.matterCode) : null,
    contentType: v.contentType,
    field: v.field,
    summary: v.summary,
    handling: v.handling,
    handledTo: v.handledTo,
    handledRef: v.handledRef,
    refusalGround: ground ? { code: ground.code, basis: ground.basis, label: ground.label, writtenNotice: ground.writtenNotice } : v.refusalGround ? { code: v.refusalGround, basis: null, label: v.refusalGround, writtenNotice: false } : null,
    refusalNoticeDue: view.refusalNoticeDue,
    resolvedBy: v.resolvedBy,
    letterId: v.letterId,
    letterCode: v.letterCode ? formatCode(v.letterCode) : null,
    visitors: v.visitors.map(({ position: _p, ...visitor }) => visitor),
    visitorsHidden: !view.identityShown,
    documents: view.documents.map((d) => ({ id: d.id, template: d.template, title: d.model.title, form: d.model.form, issuedOn: d.issuedOn })),
    createdAt: v.createdAt,
    recordedBy: v.createdByName,
  }
}

/** One document of a visit for this viewer: 404 / 403 as the visit's visitors. Opening one that names a denouncer is logged. */
export async function receptionDocumentForViewer(
  db: Db,
  receptionId: string,
  documentId: string,
  user: CurrentUser,
  now: Date,
  format: string,
): Promise<{ ok: true; visit: StoredVisit; document: StoredReceptionDocument } | { ok: false; status: 403 | 404; message: string }> {
  if (!canViewVisits(user)) return { ok: false, status: 403, message: 'Tài khoản không có quyền xem sổ tiếp công dân.' }
  const visit = await getReception(db, receptionId)
  const document = visit ? await getReceptionDocument(db, receptionId, documentId) : null
  if (!visit || !document) return { ok: false, status: 404, message: 'Không tìm thấy văn bản.' }
  if (documentNamesVisitor(visit, document)) {
    if (!mayViewVisitors(user, visit.contentType)) return { ok: false, status: 403, message: 'Văn bản có thông tin của người tố cáo; tài khoản không có quyền xem.' }
    await db.atomic(identityViewQueries(db, now, actorOf(user), [visit.id], { documentId, format }))
  }
  return { ok: true, visit, document }
}

// ----- matters ------------------------------------------------------------------------------------

/** Matter search for this viewer: denunciation visitors' names only to the roles that may see them. */
export async function mattersForViewer(db: Db, q: string, user: CurrentUser): Promise<MatterHit[]> {
  const searchDenouncers = can(user.roles, 'view_denouncer_identity')
  const hits = await searchMatters(db, q, { searchDenouncers })
  return hits.map((m) =>
    mayViewVisitors(user, m.contentType) ? m : { ...m, lastVisits: m.lastVisits.map((v) => ({ ...v, visitorNames: [] })) },
  )
}

export const matterJson = (m: MatterHit) => ({
  id: m.id,
  code: formatCode(m.code),
  contentType: m.contentType,
  field: m.field,
  summary: m.summary,
  openedOn: m.openedOn,
  visits: m.visits,
  letters: m.letters,
  lastVisits: m.lastVisits,
  lastLetters: m.lastLetters.map((l) => ({ ...l, code: formatCode(l.code) })),
})

// ----- the register (Mẫu 03/TCD) ------------------------------------------------------------------

/** One line of the register: the 12 columns as printed. */
export interface RegisterRow {
  visitId: string
  /** 1 */ stt: number
  /** 2 */ date: string
  /** 3: one line per visitor (name, representative, address, authorisation). */ people: string[]
  /** 4: one line per visitor. */ ids: string[]
  /** 5 */ summary: string
  /** 6 */ type: string
  /** 7 */ persons: number
  /** 8 */ resolvedBy: string
  /** 9 */ withinCompetence: boolean
  /** 10 */ guided: string
  /** 11 */ forwarded: string
  /** 12 */ followUp: string
  identityHidden: boolean
  largeGroup: boolean
}

const HIDDEN = 'Được giữ bí mật (Điều 56 Luật Tố cáo)'

const STATUS_TEXT: Record<string, string> = {
  moi: 'đang xử lý đơn',
  da_xu_ly: 'đã xử lý',
  cho_phuc_dap: 'đã chuyển, chờ văn bản phúc đáp',
  da_phuc_dap: 'đã có văn bản phúc đáp',
  da_giai_quyet: 'đã giải quyết',
}

const GUIDANCE_TEMPLATES = new Set(['tt05_m02_huong_dan'])
const FORWARDING_TEMPLATES = new Set(['tt05_chuyen_don', 'tt05_m03_chuyen_don_to_cao', 'tt05_don_doc'])

const withNumber = (to: string | null, number: string | null, noun: string) =>
  [to?.trim(), number?.trim() ? `${noun} số ${number.trim()}` : null].filter(Boolean).join(', ')

export function registerRow(
  visit: StoredVisit,
  stt: number,
  ctx: { letter: VisitLetterFacts | null; identityShown: boolean; agencyName: (code: string | null) => string | null; homeName: string | null; settings: Settings },
): RegisterRow {
  const { letter } = ctx
  const people = ctx.identityShown
    ? visit.visitors.map((p) =>
        [p.name, p.representative ? ' (người đại diện)' : '', p.address ? `, ${p.address}` : '', p.authorisation ? `; ủy quyền: ${p.authorisation}` : ''].join(''),
      )
    : [HIDDEN]
  const ids = ctx.identityShown
    ? visit.visitors.map((p) => (p.idNumber ? `${p.idNumber}${p.idKind && p.idKind !== 'can_cuoc' ? ` (${ID_KINDS[p.idKind as IdKind] ?? p.idKind})` : ''}` : '—'))
    : ['***']
  const leader = visit.kind !== 'thuong_xuyen' ? `${RECEPTION_KINDS[visit.kind]}${visit.hostName ? `: ${visit.hostName}` : ''}` : null
  const online = visit.form === 'truc_tuyen' ? RECEPTION_FORMS.truc_tuyen : null
  const summary = [visit.summary?.trim(), leader ? `(${leader})` : null, online ? `(${online})` : null].filter(Boolean).join(' ')

  let within = false
  let guided = ''
  let forwarded = ''
  let followUp = ''
  if (visit.handling === 'huong_dan') guided = withNumber(visit.handledTo, visit.handledRef, 'văn bản')
  if (visit.handling === 'chuyen_don') forwarded = withNumber(visit.handledTo, visit.handledRef, 'văn bản')
  if (visit.handling === 'giai_thich') followUp = 'Đã giải thích, trả lời trực tiếp tại buổi tiếp'
  if (visit.handling === 'tu_choi') {
    const ground = groundByCode(visit.refusalGround)
    const due = refusalNoticeDue(visit, ctx.settings)
    followUp = `Từ chối tiếp (${ground?.basis ?? visit.refusalGround ?? 'không ghi lý do'})${due ? `; thông báo Mẫu 01/TCD hạn ${vnDateShort(due)}` : ''}`
  }
  if (letter) {
    within = letter.withinCompetence === true
    const agency = ctx.agencyName(letter.competentAgencyCode)
    const number = (templates: Set<string>) => letter.documentNumbers.find((d) => templates.has(d.template))?.number ?? null
    if (letter.outcome === 'huong_dan') guided = withNumber(agency, number(GUIDANCE_TEMPLATES), 'văn bản')
    if (letter.outcome === 'chuyen_don' || letter.outcome === 'don_doc') forwarded = withNumber(agency, number(FORWARDING_TEMPLATES), 'phiếu chuyển')
    if (letter.outcome === 'thu_ly' || letter.outcome === 'khong_thu_ly' || letter.outcome === 'kiem_tra') forwarded = ctx.homeName ?? ''
    const reply = letter.forwardings.find((f) => f.repliedOn)
    const outcome = letter.outcome ? OUTCOMES[letter.outcome as keyof typeof OUTCOMES] : null
    followUp = [
      `Đơn ${formatCode(letter.code)}: ${outcome ? `${outcome.toLowerCase()}, ` : ''}${STATUS_TEXT[letter.status] ?? letter.status}`,
      reply ? `văn bản phúc đáp${reply.replyNumber ? ` số ${reply.replyNumber}` : ''} ngày ${vnDateShort(reply.repliedOn!)}${reply.replyResult ? `: ${reply.replyResult}` : ''}` : null,
    ]
      .filter(Boolean)
      .join('; ')
  }
  return {
    visitId: visit.id,
    stt,
    date: vnDateShort(visit.date),
    people,
    ids,
    summary,
    type: CONTENT_SHORT[visit.contentType],
    persons: visit.persons,
    resolvedBy: visit.resolvedBy ?? '',
    withinCompetence: within,
    guided,
    forwarded,
    followUp,
    identityHidden: !ctx.identityShown,
    largeGroup: isLargeGroup(visit.persons, ctx.settings.largeGroupThreshold),
  }
}

/** The register's rows for the visits, identities as this viewer may see them (views of denouncers logged). */
export async function registerRowsForViewer(
  db: Db,
  visits: readonly StoredVisit[],
  user: CurrentUser,
  now: Date,
  ctx: { agencies: readonly Agency[]; settings: Settings },
  where: string,
): Promise<RegisterRow[]> {
  const letters = await letterFactsOf(
    db,
    visits.flatMap((v) => (v.letterId ? [v.letterId] : [])),
  )
  await logIdentityViews(db, user, visits, where, now)
  const names = new Map(ctx.agencies.map((a) => [a.code, a.name]))
  const homeName = ctx.settings.homeAgencyCode ? (names.get(ctx.settings.homeAgencyCode) ?? null) : null
  return visits.map((v, i) =>
    registerRow(v, i + 1, {
      letter: v.letterId ? (letters.get(v.letterId) ?? null) : null,
      identityShown: mayViewVisitors(user, v.contentType),
      agencyName: (code) => (code ? (names.get(code) ?? code) : null),
      homeName,
      settings: ctx.settings,
    }),
  )
}

// ----- leaders' sessions --------------------------------------------------------------------------

export interface SessionView {
  session: StoredSession
  visits: StoredVisit[]
  persons: number
  matters: number
  /** The conclusion notice, once concluded (stored with the session's first visit). */
  notice: StoredReceptionDocument | null
}

export async function sessionForViewer(db: Db, id: string, user: CurrentUser, now: Date, where: string): Promise<SessionView | null> {
  const session = await getSession(db, id)
  if (!session) return null
  const visits = await sessionVisits(db, id)
  await logIdentityViews(db, user, visits, where, now)
  const documents = await documentsOfReceptions(
    db,
    visits.map((v) => v.id),
  )
  return {
    session,
    visits: visits.map((v) => (mayViewVisitors(user, v.contentType) ? v : { ...v, visitors: [] })),
    persons: visits.reduce((n, v) => n + v.persons, 0),
    matters: new Set(visits.map((v) => v.matterId)).size,
    notice: documents.filter((d) => d.model.session?.id === id).at(-1) ?? null,
  }
}

export type ConcludeOutcome = { ok: true; documentId: string | null } | { ok: false; status: 404 | 409 | 422; message: string; errors?: FieldError[] }

/** Ends a session with the leader's conclusion and its notice, once. */
export async function concludeSession(db: Db, sessionId: string, conclusion: string, user: CurrentUser, now: Date): Promise<ConcludeOutcome> {
  const session = await getSession(db, sessionId)
  if (!session) return { ok: false, status: 404, message: 'Không tìm thấy kỳ tiếp.' }
  const text = conclusion.trim()
  if (!text) return { ok: false, status: 422, message: 'Chưa có nội dung kết luận.', errors: [{ path: 'conclusion', message: 'Ghi nội dung kết luận của lãnh đạo.' }] }
  if (session.conclusion !== null) return { ok: false, status: 409, message: 'Kỳ tiếp này đã có thông báo kết luận.' }
  const visits = await sessionVisits(db, sessionId)
  const first = visits[0]
  if (!first) return { ok: false, status: 404, message: 'Kỳ tiếp chưa có lượt tiếp nào.' }
  const { agencies, settings } = await rulesContext(db)
  const model: ReceptionDocumentModel | null = buildReceptionDocument('ket_luan', {
    visit: {
      id: first.id,
      date: first.date,
      kind: first.kind,
      hostName: first.hostName,
      persons: first.persons,
      contentType: first.contentType,
      summary: first.summary,
      sessionId,
      visitors: [],
      refusalGround: null,
    },
    session: {
      id: session.id,
      date: session.date,
      kind: session.kind,
      hostName: session.hostName,
      delegated: session.delegated,
      visits: visits.length,
      persons: visits.reduce((n, v) => n + v.persons, 0),
      matters: new Set(visits.map((v) => v.matterId)).size,
      conclusion: text,
      protectedVisitors: visits.filter((v) => visitProtectsIdentity(v.contentType)).flatMap((v) => v.visitors),
    },
    agencies,
    settings,
    issuedOn: vnDateOf(now),
  })
  const documentId = model ? newRecordId() : null
  const actor = actorOf(user)
  const extra =
    model && documentId
      ? [
          insertReceptionDocument(db, documentId, first.id, model, user.id, now),
          recordHistory(db, now, actor, { entity: 'document', entityId: documentId, action: 'lap_van_ban', data: { sessionId, receptionId: first.id, template: model.template } }),
        ]
      : []
  try {
    await db.atomic(concludeSessionQueries(db, sessionId, text, actor, now, extra))
  } catch (error) {
    if (isGuardFailure(error)) return { ok: false, status: 409, message: 'Kỳ tiếp này đã có thông báo kết luận.' }
    throw error
  }
  return { ok: true, documentId }
}

export function sessionJson(view: SessionView, settings: Settings) {
  return {
    id: view.session.id,
    date: view.session.date,
    kind: view.session.kind,
    hostName: view.session.hostName,
    delegated: view.session.delegated,
    visits: view.visits.map((v) => ({
      id: v.id,
      persons: v.persons,
      largeGroup: isLargeGroup(v.persons, settings.largeGroupThreshold),
      caseId: v.matterId,
      contentType: v.contentType,
      summary: v.summary,
      handling: v.handling,
      letterId: v.letterId,
    })),
    persons: view.persons,
    matters: view.matters,
    conclusion: view.session.conclusion,
    concludedAt: view.session.concludedAt,
    noticeId: view.notice?.id ?? null,
    noticeReceptionId: view.notice?.receptionId ?? null,
  }
}
