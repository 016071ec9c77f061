/**
 * Official documents issued for a letter's outcome (RULES.md §1, last column): which template
 * applies — by outcome, content type and the date the letter was received — and the builder
 * that turns a letter and its decision into a document model. The model is what gets stored
 * (a snapshot: a reprint years later shows what was sent) and what the HTML page and the .docx
 * file render; nothing is looked up again at print time.
 *
 * Templates, the outcome table and the legal citations are data with `from`/`to` dates, so a
 * new decree is a new row (legal-2026.md §2.2: the NĐ 155/2026 complaint notices replace the
 * NĐ 124/2020 ones for complaints received from 2026-07-01).
 *
 * Confidentiality (Luật Tố cáo Art. 56, RULES.md §6, legal-rules.md §10.4 C2) is part of the
 * template: for a letter that carries a denunciation, every document not addressed to the
 * denouncer is built without the denouncer's name, address, ID, phone or email, and any free
 * text copied from the letter is scrubbed of them too. Such documents are `redacted: true`.
 */
import type { Agency } from './agency.ts'
import type { ContentType, Outcome } from './codes.ts'
import { BEFORE_2026, REFORM_2026, inForce } from './citations.ts'
import { vnDateWords, placeName, upper } from './document-format.ts'
import { RECEPTION_WRITERS, REDACTED_DENOUNCER, WRITERS, factsFor, namedSenders, receptionFactsFor, type Writer } from './document-templates.ts'
import { RESOLUTION_TEMPLATES, RESOLUTION_WRITERS, type ResolutionDocEvent, type ResolutionTemplateId } from './resolution-templates.ts'
import type { RefusalGround } from './reception.ts'
import type { ReceptionKind } from './tallies.ts'
import type { Letter, Sender } from './letter.ts'
import type { Settings } from './settings.ts'

// ----- templates -------------------------------------------------------------------------------

/** The documents of a letter's outcome (DOCUMENT_RULES). */
export type OutcomeTemplateId =
  | 'tt05_m01_de_xuat_thu_ly'
  | 'nd124_m03_thong_bao_thu_ly'
  | 'nd155_m03_thong_bao_thu_ly'
  | 'nd124_m04_thong_bao_khong_thu_ly'
  | 'nd155_m04_thong_bao_khong_thu_ly'
  | 'tt05_m02_huong_dan'
  | 'tt05_m03_chuyen_don_to_cao'
  | 'tc_thong_bao_chuyen_don'
  | 'tt05_chuyen_don'
  | 'tt05_don_doc'
  | 'tt05_huong_dan_tach_don'
  | 'tc_de_xuat_thu_ly'
  | 'tc_de_xuat_kiem_tra'
  | 'tc_thong_bao_khong_thu_ly'
  | 'knpa_de_xuat_giai_quyet'

/** Every template of a letter's documents: its outcome's, and its resolution's (resolution-templates.ts). */
export type TemplateId = OutcomeTemplateId | ResolutionTemplateId

/**
 * Who the document is for. `noi_bo`: a proposal to the head, stays in the file; `nguoi_gui`:
 * sent to the person who wrote the letter; `co_quan`: sent to another agency (it leaves the
 * board, and for a denunciation it is always redacted); `cac_ben`: sent to the parties — the
 * person who wrote, the person complained about or denounced, the bodies concerned (a decision
 * suspending a resolution, minutes of a dialogue) — so for a denunciation it is redacted too.
 */
export type Audience = 'noi_bo' | 'nguoi_gui' | 'co_quan' | 'cac_ben'

/** Who issues it: the reception board, or the home agency whose head decides (acceptance notices). */
export type Issuer = 'ban_tiep_cong_dan' | 'co_quan_chu_quan'

export interface TemplateInfo {
  id: TemplateId
  /** The name shown in lists and used for the file name. */
  title: string
  /** "Mẫu số 01"; null where the form number of the circular was not verified (legal-rules.md §1.7). */
  form: string | null
  /** The instrument whose appendix has the form, or why there is no form number. */
  source: string
  audience: Audience
  issuer: Issuer
  /** Document type abbreviation for the number line (NĐ 30/2020 Phụ lục III): "PĐX", "TB"; null for a công văn. */
  typeCode: string | null
  /** The text of the ID line in complaint notices (the NĐ 155/2026 forms name the new identity papers). */
  idLabel?: string
  /** Only for a letter whose sender can be reached (an anonymous denouncer cannot be notified). */
  needsNamedSender?: boolean
}

const TT05 = 'Thông tư số 05/2021/TT-TTCP'
const UNNUMBERED = 'Mẫu của hệ thống theo Thông tư số 05/2021/TT-TTCP (số mẫu chưa được xác minh)'
const ID_OLD = 'Số CMND/CCCD/Hộ chiếu (hoặc giấy tờ tùy thân)'
const ID_NEW = 'Số căn cước/định danh cá nhân/giấy chứng nhận căn cước/hộ chiếu'

const OUTCOME_TEMPLATES: Record<OutcomeTemplateId, TemplateInfo> = {
  tt05_m01_de_xuat_thu_ly: {
    id: 'tt05_m01_de_xuat_thu_ly',
    title: 'Phiếu đề xuất thụ lý đơn khiếu nại',
    form: 'Mẫu số 01',
    source: TT05,
    audience: 'noi_bo',
    issuer: 'ban_tiep_cong_dan',
    typeCode: 'PĐX',
  },
  nd124_m03_thong_bao_thu_ly: {
    id: 'nd124_m03_thong_bao_thu_ly',
    title: 'Thông báo về việc thụ lý giải quyết khiếu nại',
    form: 'Mẫu số 03',
    source: 'Nghị định số 124/2020/NĐ-CP',
    audience: 'nguoi_gui',
    issuer: 'co_quan_chu_quan',
    typeCode: 'TB',
    idLabel: ID_OLD,
  },
  nd155_m03_thong_bao_thu_ly: {
    id: 'nd155_m03_thong_bao_thu_ly',
    title: 'Thông báo về việc thụ lý giải quyết khiếu nại',
    form: 'Mẫu số 03',
    source: 'Nghị định số 155/2026/NĐ-CP (thay thế Mẫu số 03 của Nghị định số 124/2020/NĐ-CP)',
    audience: 'nguoi_gui',
    issuer: 'co_quan_chu_quan',
    typeCode: 'TB',
    idLabel: ID_NEW,
  },
  nd124_m04_thong_bao_khong_thu_ly: {
    id: 'nd124_m04_thong_bao_khong_thu_ly',
    title: 'Thông báo về việc không thụ lý giải quyết khiếu nại',
    form: 'Mẫu số 04',
    source: 'Nghị định số 124/2020/NĐ-CP',
    audience: 'nguoi_gui',
    issuer: 'co_quan_chu_quan',
    typeCode: 'TB',
    idLabel: ID_OLD,
  },
  nd155_m04_thong_bao_khong_thu_ly: {
    id: 'nd155_m04_thong_bao_khong_thu_ly',
    title: 'Thông báo về việc không thụ lý giải quyết khiếu nại',
    form: 'Mẫu số 04',
    source: 'Nghị định số 155/2026/NĐ-CP (thay thế Mẫu số 04 của Nghị định số 124/2020/NĐ-CP)',
    audience: 'nguoi_gui',
    issuer: 'co_quan_chu_quan',
    typeCode: 'TB',
    idLabel: ID_NEW,
  },
  tt05_m02_huong_dan: {
    id: 'tt05_m02_huong_dan',
    title: 'Văn bản hướng dẫn gửi đơn đến cơ quan có thẩm quyền',
    form: 'Mẫu số 02',
    source: TT05,
    audience: 'nguoi_gui',
    issuer: 'ban_tiep_cong_dan',
    typeCode: null,
  },
  tt05_m03_chuyen_don_to_cao: {
    id: 'tt05_m03_chuyen_don_to_cao',
    title: 'Phiếu chuyển đơn tố cáo',
    form: 'Mẫu số 03',
    source: TT05,
    audience: 'co_quan',
    issuer: 'ban_tiep_cong_dan',
    typeCode: 'PC',
  },
  tc_thong_bao_chuyen_don: {
    id: 'tc_thong_bao_chuyen_don',
    title: 'Thông báo về việc chuyển đơn tố cáo',
    form: null,
    source: 'Khoản 2 Điều 24 Luật Tố cáo (số mẫu chưa được xác minh)',
    audience: 'nguoi_gui',
    issuer: 'ban_tiep_cong_dan',
    typeCode: 'TB',
    needsNamedSender: true,
  },
  tt05_chuyen_don: {
    id: 'tt05_chuyen_don',
    title: 'Phiếu chuyển đơn',
    form: null,
    source: UNNUMBERED,
    audience: 'co_quan',
    issuer: 'ban_tiep_cong_dan',
    typeCode: 'PC',
  },
  tt05_don_doc: {
    id: 'tt05_don_doc',
    title: 'Văn bản đôn đốc giải quyết đơn',
    form: null,
    source: UNNUMBERED,
    audience: 'co_quan',
    issuer: 'co_quan_chu_quan',
    typeCode: null,
  },
  tt05_huong_dan_tach_don: {
    id: 'tt05_huong_dan_tach_don',
    title: 'Văn bản hướng dẫn tách đơn',
    form: null,
    source: UNNUMBERED,
    audience: 'nguoi_gui',
    issuer: 'ban_tiep_cong_dan',
    typeCode: null,
  },
  tc_de_xuat_thu_ly: {
    id: 'tc_de_xuat_thu_ly',
    title: 'Phiếu đề xuất thụ lý đơn tố cáo',
    form: null,
    source: UNNUMBERED,
    audience: 'noi_bo',
    issuer: 'ban_tiep_cong_dan',
    typeCode: 'PĐX',
  },
  tc_de_xuat_kiem_tra: {
    id: 'tc_de_xuat_kiem_tra',
    title: 'Phiếu đề xuất kiểm tra, xác minh thông tin tố cáo',
    form: null,
    source: 'Khoản 2 Điều 25 Luật Tố cáo (số mẫu chưa được xác minh)',
    audience: 'noi_bo',
    issuer: 'ban_tiep_cong_dan',
    typeCode: 'PĐX',
  },
  tc_thong_bao_khong_thu_ly: {
    id: 'tc_thong_bao_khong_thu_ly',
    title: 'Thông báo về việc không thụ lý tố cáo',
    form: null,
    source: 'Điều 29 Luật Tố cáo (số mẫu chưa được xác minh)',
    audience: 'nguoi_gui',
    issuer: 'co_quan_chu_quan',
    typeCode: 'TB',
    needsNamedSender: true,
  },
  knpa_de_xuat_giai_quyet: {
    id: 'knpa_de_xuat_giai_quyet',
    title: 'Phiếu đề xuất xử lý đơn kiến nghị, phản ánh',
    form: null,
    source: UNNUMBERED,
    audience: 'noi_bo',
    issuer: 'ban_tiep_cong_dan',
    typeCode: 'PĐX',
  },
}

export const TEMPLATES: Record<TemplateId, TemplateInfo> = { ...OUTCOME_TEMPLATES, ...RESOLUTION_TEMPLATES }

// ----- which documents for which outcome ------------------------------------------------------

export interface DocumentRule {
  outcome: Outcome
  /** The letter's content type; '*' = any (a fallback row placed after the specific ones). */
  contentTypes: readonly ContentType[] | '*'
  /** Received on or after this date (YYYY-MM-DD); null = always. */
  from: string | null
  /** Received on or before this date; null = still in force. */
  to: string | null
  templates: readonly TemplateId[]
}

/**
 * The first matching row wins. Rows for outcomes the classifier never suggests for a content
 * type (an officer may still choose them) fall back to the '*' rows.
 */
export const DOCUMENT_RULES: readonly DocumentRule[] = [
  { outcome: 'thu_ly', contentTypes: ['khieu_nai'], from: null, to: BEFORE_2026, templates: ['tt05_m01_de_xuat_thu_ly', 'nd124_m03_thong_bao_thu_ly'] },
  { outcome: 'thu_ly', contentTypes: ['khieu_nai'], from: REFORM_2026, to: null, templates: ['tt05_m01_de_xuat_thu_ly', 'nd155_m03_thong_bao_thu_ly'] },
  { outcome: 'thu_ly', contentTypes: ['to_cao'], from: null, to: null, templates: ['tc_de_xuat_thu_ly'] },
  { outcome: 'thu_ly', contentTypes: ['kien_nghi_phan_anh'], from: null, to: null, templates: ['knpa_de_xuat_giai_quyet'] },
  { outcome: 'khong_thu_ly', contentTypes: ['khieu_nai'], from: null, to: BEFORE_2026, templates: ['nd124_m04_thong_bao_khong_thu_ly'] },
  { outcome: 'khong_thu_ly', contentTypes: ['khieu_nai'], from: REFORM_2026, to: null, templates: ['nd155_m04_thong_bao_khong_thu_ly'] },
  { outcome: 'khong_thu_ly', contentTypes: ['to_cao'], from: null, to: null, templates: ['tc_thong_bao_khong_thu_ly'] },
  { outcome: 'kiem_tra', contentTypes: ['to_cao'], from: null, to: null, templates: ['tc_de_xuat_kiem_tra'] },
  { outcome: 'huong_dan', contentTypes: '*', from: null, to: null, templates: ['tt05_m02_huong_dan'] },
  { outcome: 'chuyen_don', contentTypes: ['to_cao'], from: null, to: null, templates: ['tt05_m03_chuyen_don_to_cao', 'tc_thong_bao_chuyen_don'] },
  { outcome: 'chuyen_don', contentTypes: '*', from: null, to: null, templates: ['tt05_chuyen_don'] },
  { outcome: 'don_doc', contentTypes: '*', from: null, to: null, templates: ['tt05_don_doc'] },
  { outcome: 'tach_don', contentTypes: '*', from: null, to: null, templates: ['tt05_huong_dan_tach_don'] },
  // a filed letter gets no document (TT05 Art. 28: filed for one year, then reviewed for destruction)
  { outcome: 'luu_don', contentTypes: '*', from: null, to: null, templates: [] },
]

/** The templates for an outcome on a letter of that content type received on that date. */
export function templatesFor(outcome: Outcome, contentType: ContentType, receivedAt: string, rules: readonly DocumentRule[] = DOCUMENT_RULES): TemplateId[] {
  const row = rules.find((r) => r.outcome === outcome && (r.contentTypes === '*' || r.contentTypes.includes(contentType)) && inForce(r, receivedAt))
  return row ? [...row.templates] : []
}

/** The documents to issue for this letter and outcome (drops notices nobody can receive). */
export function documentsFor(outcome: Outcome, letter: Letter, rules: readonly DocumentRule[] = DOCUMENT_RULES): TemplateId[] {
  return templatesFor(outcome, letter.contentType, letter.receivedAt, rules).filter(
    (id) => !TEMPLATES[id].needsNamedSender || namedSenders(letter).length > 0,
  )
}

// ----- the document model (what is stored and rendered) -----------------------------------------

export interface DocParagraph {
  text: string
  /** A list item ("- …"), printed with a hanging dash instead of a first-line indent. */
  item?: boolean
}

export interface DocSigner {
  /** Caption lines above the signature, upper case ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"). */
  lines: string[]
  /** The signer's name under the signature; null leaves the space to be filled in. */
  name: string | null
}

export interface DocumentHeading {
  nation: string
  motto: string
  /** The governing body above the issuer (cơ quan chủ quản), upper case; null when there is none. */
  parentBody: string | null
  issuingBody: string
  /** The number, filled in when the document is registered; null prints "…". */
  number: string | null
  /** The symbol after the number ("PĐX-BTCD"). */
  symbol: string
  /** "Quảng Ngãi, ngày 22 tháng 11 năm 2026". */
  placeDate: string
}

/** What the printed page and the .docx file render: any document, a letter's or a visit's. */
export interface PrintedDocument {
  /** Bumped when the shape changes, so old snapshots can still be rendered. */
  schema: 1
  /**
   * `don`: a citizen's own letter or form (Đơn khiếu nại, Giấy ủy quyền): Quốc hiệu centred, no
   * issuing body or number, the signers side by side. Absent: an official document (NĐ 30/2020).
   */
  layout?: 'don'
  title: string
  form: string | null
  source: string
  audience: Audience
  /** Built without the denouncer's identity (Luật Tố cáo Art. 56). */
  redacted: boolean
  issuedOn: string
  heading: DocumentHeading
  /** The printed title ("THÔNG BÁO", "Về việc …"); empty for a công văn, which has a subject line instead. */
  titleLines: string[]
  /** The công văn's subject ("V/v …"), printed under the number. */
  subject: string | null
  addressees: string[]
  /** "Căn cứ …" lines, in force on the day the letter was received. */
  legalBasis: string[]
  body: DocParagraph[]
  /** "Nơi nhận" (empty for an internal proposal). */
  recipients: string[]
  signers: DocSigner[]
  /** The agency the document is sent to; null when it goes to a person or stays in the file. */
  addresseeAgencyCode: string | null
}

/** A document issued for a letter's outcome. */
export interface DocumentModel extends PrintedDocument {
  template: TemplateId
  letter: { id: string; code: string; receivedAt: string; contentType: ContentType }
}

export { REDACTED_DENOUNCER, namedSenders }
export { CITATIONS, REFORM_2026, citation, type Citation, type CitationKey } from './citations.ts'

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc'
/** Replaces any piece of the denouncer's identity found in free text copied into a redacted document. */
export const REDACTION_MARK = '***'

// ----- building ---------------------------------------------------------------------------------

/** The letter as the builder needs it: the stored facts and senders, its code and the classification's reasons. */
export interface DocumentLetter {
  id: string
  code: string
  track: 'don_thu' | 'quy_dinh_hanh_chinh'
  letter: Letter
  /** Reason codes of the classification (the non-acceptance notice states them). */
  reasons: readonly string[]
}

export interface DocumentDecision {
  outcome: Outcome
  competentAgencyCode: string | null
  note: string | null
  /** Due date of the handling step (the proposal quotes it). */
  dueDate: string | null
  /** The officer who decided: signs the proposal as "Người đề xuất". */
  decidedByName: string | null
}

export interface BuildInput {
  letter: DocumentLetter
  decision: DocumentDecision
  agencies: readonly Agency[]
  settings: Pick<Settings, 'homeAgencyCode' | 'boardName' | 'localityName'>
  issuedOn: string
  number?: string | null
  /** The resolution event a decision or minutes records (resolution templates only). */
  event?: ResolutionDocEvent | null
}

/** A denunciation's senders are protected; so is a several-content letter that contains one. */
export const protectsIdentity = (letter: Letter): boolean =>
  letter.contentType === 'to_cao' || (letter.contents ?? []).some((c) => c.contentType === 'to_cao')

/** Whether a document from this template, for this letter, must leave out the denouncer's identity. */
export const mustRedact = (template: TemplateId, letter: Letter): boolean =>
  protectsIdentity(letter) && TEMPLATES[template].audience !== 'nguoi_gui'

/** Abbreviation of the issuer for the number line: BTCD for the board, UBND for a People's Committee. */
export function issuerCode(issuer: Issuer, home: Agency | null): string {
  if (issuer === 'ban_tiep_cong_dan') return 'BTCD'
  if (home?.kind === 'ubnd') return 'UBND'
  const initials = (home?.name ?? 'CQ')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/gu, 'D')
    .split(/\s+/u)
    .map((w) => w.charAt(0).toUpperCase())
    .join('')
  return initials.slice(0, 6) || 'CQ'
}

/** The NĐ 30/2020 heading: issuer (under its governing body), number and symbol, place and date. */
export function headingOf(
  template: Pick<TemplateInfo, 'issuer' | 'typeCode'>,
  home: Agency | null,
  input: { settings: BuildInput['settings']; issuedOn: string; number?: string | null | undefined },
): DocumentHeading {
  const issuer = issuerCode(template.issuer, home)
  return {
    nation: NATION,
    motto: MOTTO,
    // the governing body's name may use the common abbreviation (NĐ 30/2020, Phụ lục I): UBND TỈNH QUẢNG NGÃI
    parentBody: template.issuer === 'ban_tiep_cong_dan' && home ? upper(home.name).replace(/^ỦY BAN NHÂN DÂN(?=\s)/u, 'UBND') : null,
    issuingBody: template.issuer === 'ban_tiep_cong_dan' ? upper(input.settings.boardName) : upper(home?.name ?? input.settings.boardName),
    number: input.number?.trim() ? input.number.trim() : null,
    // a công văn's symbol is the issuer and the drafting unit; other documents lead with their type
    symbol: template.typeCode ? `${template.typeCode}-${issuer}` : issuer === 'BTCD' ? 'BTCD-XLĐ' : `${issuer}-BTCD`,
    placeDate: `${placeName(input.settings.localityName)}, ${vnDateWords(input.issuedOn)}`,
  }
}

const ALL_WRITERS: Record<TemplateId, Writer> = { ...WRITERS, ...RESOLUTION_WRITERS }

export function buildDocument(kind: TemplateId, input: BuildInput): DocumentModel {
  const template = TEMPLATES[kind]
  const redacted = mustRedact(kind, input.letter.letter)
  const facts = factsFor(input, redacted)
  const content = ALL_WRITERS[kind](facts, template)
  const heading = headingOf(template, facts.home, input)
  const model: DocumentModel = {
    schema: 1,
    template: kind,
    title: template.title,
    form: template.form,
    source: template.source,
    audience: template.audience,
    redacted,
    issuedOn: input.issuedOn,
    letter: { id: input.letter.id, code: input.letter.code, receivedAt: input.letter.letter.receivedAt, contentType: input.letter.letter.contentType },
    heading,
    ...content,
  }
  return redacted ? redactModel(model, input.letter.letter.senders ?? []) : model
}

// ----- redaction --------------------------------------------------------------------------------

/** Folds one character the way search does (diacritics off, đ → d, lower case), keeping positions. */
const foldChar = (ch: string): string => {
  const f = ch.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase()
  return f.length === 1 ? f : ch.toLowerCase().charAt(0) || ch
}
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

/**
 * The pieces of identity to look for. Names and addresses shorter than 5 letters are left out:
 * folding "Hoa" would also hit "Hòa Bình" and wreck the text without protecting anyone.
 */
export function identityPieces(senders: readonly Sender[]): { texts: string[]; numbers: string[] } {
  const texts = new Set<string>()
  const numbers = new Set<string>()
  for (const s of senders) {
    for (const value of [s.name, s.address, s.email]) {
      const v = value?.normalize('NFC').replace(/\s+/gu, ' ').trim()
      if (v && [...v].filter((ch) => isWordChar(ch)).length >= 5) texts.add(v)
    }
    for (const value of [s.phone, s.idNumber]) {
      const digits = value?.replace(/\D+/g, '') ?? ''
      if (digits.length >= 6) numbers.add(digits)
      else if (value?.trim() && value.trim().length >= 5) texts.add(value.trim())
    }
  }
  return { texts: [...texts], numbers: [...numbers] }
}

/** Replaces every occurrence of the identity pieces in the text (diacritics, case and digit separators ignored). */
export function scrubIdentity(text: string, pieces: { texts: readonly string[]; numbers: readonly string[] }): string {
  let out = text
  for (const digits of pieces.numbers) {
    // "0912 000 111", "0912.000.111" and "0912000111" are the same phone number
    const pattern = new RegExp(`(?<!\\d)${digits.split('').join('[\\s.\\-]?')}(?!\\d)`, 'g')
    out = out.replace(pattern, REDACTION_MARK)
  }
  for (const piece of pieces.texts) {
    const needle = [...piece].map(foldChar)
    let chars = [...out]
    let folded = chars.map(foldChar)
    for (let i = 0; i + needle.length <= folded.length; i++) {
      let hit = true
      for (let j = 0; j < needle.length; j++) {
        if (folded[i + j] !== needle[j]) {
          hit = false
          break
        }
      }
      if (!hit || isWordChar(chars[i - 1]) || isWordChar(chars[i + needle.length])) continue
      chars = [...chars.slice(0, i), ...REDACTION_MARK, ...chars.slice(i + needle.length)]
      folded = chars.map(foldChar)
      i += REDACTION_MARK.length - 1
    }
    out = chars.join('')
  }
  return out
}

/**
 * Every text of the model passed through `scrubIdentity`: no field is trusted to be clean.
 * The structural fields (ids, dates, codes) are not text and are left alone.
 */
function redactModel<M extends PrintedDocument>(model: M, senders: readonly Sender[]): M {
  const pieces = identityPieces(senders)
  if (pieces.texts.length === 0 && pieces.numbers.length === 0) return model
  const scrub = (s: string) => scrubIdentity(s, pieces)
  const scrubNullable = (s: string | null) => (s === null ? null : scrub(s))
  return {
    ...model,
    title: scrub(model.title),
    heading: { ...model.heading, parentBody: scrubNullable(model.heading.parentBody), issuingBody: scrub(model.heading.issuingBody) },
    titleLines: model.titleLines.map(scrub),
    subject: scrubNullable(model.subject),
    addressees: model.addressees.map(scrub),
    legalBasis: model.legalBasis.map(scrub),
    body: model.body.map((p) => ({ ...p, text: scrub(p.text) })),
    recipients: model.recipients.map(scrub),
    signers: model.signers.map((s) => ({ lines: s.lines.map(scrub), name: scrubNullable(s.name) })),
  }
}

// ----- reception documents (tiếp công dân) -------------------------------------------------------

/**
 * The documents a visit or a leader's session produces (legal-2026.md §2.1, §6 items 2–4):
 * the refusal notice (Mẫu 01/TCD from 2026-07-01), the receipt for what the citizen handed in
 * (Mẫu 02/TCD) and the leader's conclusion notice (NĐ 154 Art. 25–27). The rows are dated by
 * the visit (or session) date, like the letter templates by the date of receipt.
 */
export type ReceptionTemplateId =
  | 'tt04_thong_bao_tu_choi'
  | 'nd154_m01_thong_bao_tu_choi'
  | 'tt04_giay_bien_nhan'
  | 'nd154_m02_giay_bien_nhan'
  | 'tt04_thong_bao_ket_luan'
  | 'nd154_thong_bao_ket_luan'

/** tu_choi: refusal notice; bien_nhan: receipt for documents; ket_luan: a session's conclusion notice. */
export type ReceptionDocumentKind = 'tu_choi' | 'bien_nhan' | 'ket_luan'

export interface ReceptionTemplateInfo extends Omit<TemplateInfo, 'id' | 'needsNamedSender'> {
  id: ReceptionTemplateId
  kind: ReceptionDocumentKind
}

const TT04_UNNUMBERED = 'Thông tư số 04/2021/TT-TTCP (số mẫu chưa được xác minh)'
const ND154 = 'Nghị định số 154/2026/NĐ-CP'
const ID_154 = 'Số căn cước/giấy chứng nhận căn cước/số định danh cá nhân/số hộ chiếu (hoặc giấy tờ tùy thân)'

export const RECEPTION_TEMPLATES: Record<ReceptionTemplateId, ReceptionTemplateInfo> = {
  tt04_thong_bao_tu_choi: {
    id: 'tt04_thong_bao_tu_choi',
    kind: 'tu_choi',
    title: 'Thông báo về việc từ chối tiếp công dân',
    form: null,
    source: `Điều 4 ${TT04_UNNUMBERED}`,
    audience: 'nguoi_gui',
    issuer: 'ban_tiep_cong_dan',
    typeCode: 'TB',
    idLabel: ID_OLD,
  },
  nd154_m01_thong_bao_tu_choi: {
    id: 'nd154_m01_thong_bao_tu_choi',
    kind: 'tu_choi',
    title: 'Thông báo về việc từ chối tiếp công dân',
    form: 'Mẫu số 01/TCD',
    source: ND154,
    audience: 'nguoi_gui',
    issuer: 'ban_tiep_cong_dan',
    typeCode: 'TB',
    idLabel: ID_154,
  },
  tt04_giay_bien_nhan: {
    id: 'tt04_giay_bien_nhan',
    kind: 'bien_nhan',
    title: 'Giấy biên nhận thông tin, tài liệu, bằng chứng',
    form: null,
    source: TT04_UNNUMBERED,
    audience: 'nguoi_gui',
    issuer: 'ban_tiep_cong_dan',
    typeCode: 'GBN',
    idLabel: ID_OLD,
  },
  nd154_m02_giay_bien_nhan: {
    id: 'nd154_m02_giay_bien_nhan',
    kind: 'bien_nhan',
    title: 'Giấy biên nhận thông tin, tài liệu, bằng chứng',
    form: 'Mẫu số 02/TCD',
    source: ND154,
    audience: 'nguoi_gui',
    issuer: 'ban_tiep_cong_dan',
    typeCode: 'GBN',
    idLabel: ID_154,
  },
  tt04_thong_bao_ket_luan: {
    id: 'tt04_thong_bao_ket_luan',
    kind: 'ket_luan',
    title: 'Thông báo kết luận việc tiếp công dân',
    form: null,
    source: TT04_UNNUMBERED,
    audience: 'co_quan',
    issuer: 'co_quan_chu_quan',
    typeCode: 'TB',
  },
  nd154_thong_bao_ket_luan: {
    id: 'nd154_thong_bao_ket_luan',
    kind: 'ket_luan',
    title: 'Thông báo kết luận việc tiếp công dân',
    form: null,
    source: `Điều 25–27 ${ND154} (số mẫu chưa được xác minh)`,
    audience: 'co_quan',
    issuer: 'co_quan_chu_quan',
    typeCode: 'TB',
  },
}

export interface ReceptionDocumentRule {
  kind: ReceptionDocumentKind
  /** Visit (session) on or after this date; null = always. */
  from: string | null
  /** Visit (session) on or before this date; null = still in force. */
  to: string | null
  template: ReceptionTemplateId
}

export const RECEPTION_DOCUMENT_RULES: readonly ReceptionDocumentRule[] = [
  { kind: 'tu_choi', from: null, to: BEFORE_2026, template: 'tt04_thong_bao_tu_choi' },
  { kind: 'tu_choi', from: REFORM_2026, to: null, template: 'nd154_m01_thong_bao_tu_choi' },
  { kind: 'bien_nhan', from: null, to: BEFORE_2026, template: 'tt04_giay_bien_nhan' },
  { kind: 'bien_nhan', from: REFORM_2026, to: null, template: 'nd154_m02_giay_bien_nhan' },
  { kind: 'ket_luan', from: null, to: BEFORE_2026, template: 'tt04_thong_bao_ket_luan' },
  { kind: 'ket_luan', from: REFORM_2026, to: null, template: 'nd154_thong_bao_ket_luan' },
]

/** The template of that kind for a visit (session) on that date. */
export function receptionTemplateFor(kind: ReceptionDocumentKind, date: string, rules: readonly ReceptionDocumentRule[] = RECEPTION_DOCUMENT_RULES): ReceptionTemplateId | null {
  return rules.find((r) => r.kind === kind && inForce(r, date))?.template ?? null
}

/** A document issued at reception: the visit it belongs to (a session's notice: the session's first visit). */
export interface ReceptionDocumentModel extends PrintedDocument {
  template: ReceptionTemplateId
  reception: { id: string; date: string; kind: ReceptionKind; contentType: ContentType; sessionId: string | null }
  /** The leader's session, for its conclusion notice. */
  session?: { id: string; date: string; hostName: string }
}

/** A visitor as the reception documents name them. */
export interface ReceptionDocumentVisitor {
  name: string
  address?: string | null
  idKind?: string | null
  idNumber?: string | null
  representative?: boolean
}

export interface ReceptionBuildInput {
  visit: {
    id: string
    date: string
    kind: ReceptionKind
    hostName: string | null
    persons: number
    contentType: ContentType
    summary: string | null
    sessionId: string | null
    visitors: readonly ReceptionDocumentVisitor[]
    refusalGround: RefusalGround | null
  }
  /** What the citizen handed in, one item a line (the receipt). */
  documentsReceived?: readonly string[]
  /** The officer who received the documents (signs the receipt). */
  officerName?: string | null
  /** The leader's session and its conclusion (the conclusion notice). */
  session?: {
    id: string
    date: string
    kind: 'dinh_ky' | 'dot_xuat'
    hostName: string
    delegated: boolean
    visits: number
    persons: number
    matters: number
    conclusion: string
    /** Visitors of the session's denunciation visits: never named in a notice that leaves the board. */
    protectedVisitors: readonly ReceptionDocumentVisitor[]
  }
  agencies: readonly Agency[]
  settings: Pick<Settings, 'homeAgencyCode' | 'boardName' | 'localityName'>
  issuedOn: string
  number?: string | null
}

/**
 * Builds the visit's (or session's) document of that kind, by the template in force on its
 * date; null when no row applies. A conclusion notice goes to agencies: any identity of a
 * denunciation visitor that its free text repeats is scrubbed (Luật Tố cáo Art. 56).
 */
export function buildReceptionDocument(kind: ReceptionDocumentKind, input: ReceptionBuildInput): ReceptionDocumentModel | null {
  const date = input.session?.date ?? input.visit.date
  const id = receptionTemplateFor(kind, date)
  if (!id) return null
  const template = RECEPTION_TEMPLATES[id]
  const facts = receptionFactsFor(input, template)
  const content = RECEPTION_WRITERS[id](facts, template)
  const protectedVisitors = kind === 'ket_luan' ? (input.session?.protectedVisitors ?? []) : []
  const model: ReceptionDocumentModel = {
    schema: 1,
    template: id,
    title: template.title,
    form: template.form,
    source: template.source,
    audience: template.audience,
    redacted: protectedVisitors.length > 0,
    issuedOn: input.issuedOn,
    reception: { id: input.visit.id, date: input.visit.date, kind: input.visit.kind, contentType: input.visit.contentType, sessionId: input.visit.sessionId },
    ...(input.session ? { session: { id: input.session.id, date: input.session.date, hostName: input.session.hostName } } : {}),
    heading: headingOf(template, facts.home, input),
    ...content,
  }
  return protectedVisitors.length > 0 ? redactModel(model, protectedVisitors) : model
}
