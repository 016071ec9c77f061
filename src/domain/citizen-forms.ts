/**
 * The citizen's own forms of the complaint procedure, printed by a reception officer for a
 * complainant who cannot write one (NĐ 154/2026 Art. 14: staff record, read back, and have it
 * signed or fingerprinted): the complaint letter (Đơn khiếu nại, Mẫu số 01) and the
 * authorisation (Giấy ủy quyền khiếu nại, Mẫu số 02) — NĐ 124/2020's, replaced from 2026-07-01 by
 * NĐ 155/2026's, which name the new identity papers (legal-2026.md §2.2 "Templates").
 *
 * Blank, or pre-filled from a registered complaint's facts and first sender. Nothing is stored: a
 * form becomes a record only when the citizen signs it and it is registered as a letter. The
 * form in force on the day of printing applies (rows with from/to, like every template).
 */
import type { Agency } from './agency.ts'
import { BEFORE_2026, REFORM_2026, inForce } from './citations.ts'
import { clause, headOf, placeName, vnDateShort, vnDateWords } from './document-format.ts'
import { MOTTO, NATION, type DocParagraph, type DocSigner, type PrintedDocument } from './documents.ts'
import { respondentLine, type Letter } from './letter.ts'

export type CitizenFormKind = 'don_khieu_nai' | 'giay_uy_quyen'
export const CITIZEN_FORM_KINDS: readonly CitizenFormKind[] = ['don_khieu_nai', 'giay_uy_quyen']
/** The page's path segment of each form. */
export const CITIZEN_FORM_SLUGS: Record<CitizenFormKind, string> = { don_khieu_nai: 'don-khieu-nai', giay_uy_quyen: 'giay-uy-quyen' }
export const CITIZEN_FORM_LABELS: Record<CitizenFormKind, string> = { don_khieu_nai: 'Đơn khiếu nại (Mẫu số 01)', giay_uy_quyen: 'Giấy ủy quyền khiếu nại (Mẫu số 02)' }
export const citizenFormKindOf = (slug: string): CitizenFormKind | null => CITIZEN_FORM_KINDS.find((k) => CITIZEN_FORM_SLUGS[k] === slug) ?? null

export type CitizenFormId = 'nd124_m01_don_khieu_nai' | 'nd155_m01_don_khieu_nai' | 'nd124_m02_giay_uy_quyen' | 'nd155_m02_giay_uy_quyen'

export interface CitizenFormInfo {
  id: CitizenFormId
  kind: CitizenFormKind
  title: string
  form: string
  source: string
  /** The identity-paper line: NĐ 155/2026 names căn cước, số định danh cá nhân, giấy chứng nhận căn cước, hộ chiếu. */
  idLabel: string
}

const ID_OLD = 'Số CMND/Hộ chiếu/Thẻ căn cước công dân'
const ID_NEW = 'Số căn cước/định danh cá nhân/giấy chứng nhận căn cước/hộ chiếu'
const ND124 = 'Nghị định số 124/2020/NĐ-CP'
const ND155 = 'Nghị định số 155/2026/NĐ-CP'

export const CITIZEN_FORMS: Record<CitizenFormId, CitizenFormInfo> = {
  nd124_m01_don_khieu_nai: { id: 'nd124_m01_don_khieu_nai', kind: 'don_khieu_nai', title: 'Đơn khiếu nại', form: 'Mẫu số 01', source: ND124, idLabel: ID_OLD },
  nd155_m01_don_khieu_nai: {
    id: 'nd155_m01_don_khieu_nai',
    kind: 'don_khieu_nai',
    title: 'Đơn khiếu nại',
    form: 'Mẫu số 01',
    source: `${ND155} (thay thế Mẫu số 01 của ${ND124})`,
    idLabel: ID_NEW,
  },
  nd124_m02_giay_uy_quyen: { id: 'nd124_m02_giay_uy_quyen', kind: 'giay_uy_quyen', title: 'Giấy ủy quyền khiếu nại', form: 'Mẫu số 02', source: ND124, idLabel: ID_OLD },
  nd155_m02_giay_uy_quyen: {
    id: 'nd155_m02_giay_uy_quyen',
    kind: 'giay_uy_quyen',
    title: 'Giấy ủy quyền khiếu nại',
    form: 'Mẫu số 02',
    source: `${ND155} (thay thế Mẫu số 02 của ${ND124})`,
    idLabel: ID_NEW,
  },
}

export interface CitizenFormRule {
  kind: CitizenFormKind
  from: string | null
  to: string | null
  template: CitizenFormId
}

/** By the day of printing (the day the citizen writes and signs). */
export const CITIZEN_FORM_RULES: readonly CitizenFormRule[] = [
  { kind: 'don_khieu_nai', from: null, to: BEFORE_2026, template: 'nd124_m01_don_khieu_nai' },
  { kind: 'don_khieu_nai', from: REFORM_2026, to: null, template: 'nd155_m01_don_khieu_nai' },
  { kind: 'giay_uy_quyen', from: null, to: BEFORE_2026, template: 'nd124_m02_giay_uy_quyen' },
  { kind: 'giay_uy_quyen', from: REFORM_2026, to: null, template: 'nd155_m02_giay_uy_quyen' },
]

export const citizenFormFor = (kind: CitizenFormKind, date: string): CitizenFormId | null =>
  CITIZEN_FORM_RULES.find((r) => r.kind === kind && inForce(r, date))?.template ?? null

/**
 * What the authorisation must carry, by date (NĐ 155/2026 Art. 5 cl. 3 as amended). The
 * notarisation of an individual's authorisation lapses on 2027-01-01 (Art. 21 cl. 2); what replaces
 * it was not seen (legal-2026.md §7 item 8), so no row says anything after that day.
 */
export interface CitizenFormNote {
  templates: readonly CitizenFormId[]
  from: string | null
  to: string | null
  note: string
  /** The block beside the signatures where the certification goes. */
  certification?: string
}

export const CITIZEN_FORM_NOTES: readonly CitizenFormNote[] = [
  {
    templates: ['nd124_m02_giay_uy_quyen'],
    from: null,
    to: BEFORE_2026,
    note: 'Giấy ủy quyền phải có xác nhận của cơ quan, tổ chức có thẩm quyền theo quy định của pháp luật',
    certification: 'XÁC NHẬN CỦA CƠ QUAN, TỔ CHỨC CÓ THẨM QUYỀN',
  },
  {
    templates: ['nd155_m02_giay_uy_quyen'],
    from: REFORM_2026,
    to: '2026-12-31',
    note: `Giấy ủy quyền của cá nhân phải được công chứng hoặc chứng thực; giấy ủy quyền của cơ quan, tổ chức do người có thẩm quyền ký và đóng dấu (khoản 3 Điều 5 ${ND124}, sửa đổi bởi ${ND155})`,
    certification: 'CÔNG CHỨNG, CHỨNG THỰC',
  },
  {
    templates: ['nd155_m02_giay_uy_quyen'],
    from: REFORM_2026,
    to: null,
    note: `Một người khiếu nại có thể ủy quyền cho nhiều người đối với các nội dung khác nhau, nhưng không được ủy quyền một nội dung cho nhiều người (khoản 3 Điều 5 ${ND124}, sửa đổi bởi ${ND155})`,
  },
]

/** A printed citizen form: a PrintedDocument in the citizen-letter layout. */
export interface CitizenFormModel extends PrintedDocument {
  layout: 'don'
  template: CitizenFormId
  kind: CitizenFormKind
  /** The registered complaint it was filled from; null for a blank form. */
  letterCode: string | null
}

export interface CitizenFormInput {
  kind: CitizenFormKind
  /** The day of printing: picks the form. */
  date: string
  /** The registered complaint to fill it from; null prints a blank form. */
  letter: { code: string; letter: Letter } | null
  agencies: readonly Agency[]
  settings: { localityName: string }
}

const BLANK = '……………………………………'
const SIGN = '(Ký, ghi rõ họ tên hoặc điểm chỉ)'
const line = (label: string, value: string | null | undefined): DocParagraph => ({ text: `${label}: ${value?.trim() ? clause(value) : BLANK}` })
const note = (text: string): DocParagraph => ({ text: `- ${text}.`, item: true })

/** The complaint's facts as the forms write them (all null for a blank form). */
function factsOf(input: CitizenFormInput) {
  const l = input.letter?.letter ?? null
  const byCode = new Map(input.agencies.map((a) => [a.code, a]))
  const sender = (l?.senders ?? []).find((s) => s.name?.trim()) ?? null
  const respondentAgency = l?.respondent?.agencyCode ? (byCode.get(l.respondent.agencyCode) ?? null) : null
  const d = l?.decision
  const decision = d?.number?.trim() ? `Quyết định số ${clause(d.number)}${d.date ? ` ngày ${vnDateShort(d.date)}` : ''}${respondentAgency ? ` của ${respondentAgency.name}` : ''}` : null
  const respondent = respondentLine(l?.respondent?.person, respondentAgency?.name ?? null)
  return { l, sender, decision, respondent, respondentAgency }
}

export function buildCitizenForm(input: CitizenFormInput, competent: Agency | null = null): CitizenFormModel | null {
  const id = citizenFormFor(input.kind, input.date)
  if (!id) return null
  const info = CITIZEN_FORMS[id]
  const f = factsOf(input)
  const filled = input.letter !== null
  const idLine = (number: string | null | undefined): DocParagraph => ({ text: `${info.idLabel}: ${number?.trim() ? number.trim() : BLANK}; ngày cấp: ……………; nơi cấp: ……………` })
  const notes = CITIZEN_FORM_NOTES.filter((n) => n.templates.includes(id) && inForce(n, input.date))
  const place = filled ? placeName(input.settings.localityName) : '……………'
  const placeDate = filled ? `${place}, ${vnDateWords(input.date)}` : '……………, ngày …… tháng …… năm ……'
  let body: DocParagraph[]
  let signers: DocSigner[]
  let addressees: string[] = []
  if (input.kind === 'don_khieu_nai') {
    addressees = [competent ? headOf(competent) : BLANK]
    body = [
      line('Họ và tên người khiếu nại', f.sender?.name),
      idLine(f.sender?.idNumber),
      line('Địa chỉ', f.sender?.address),
      line('Số điện thoại (nếu có)', f.sender?.phone),
      line('Khiếu nại quyết định hành chính, hành vi hành chính hoặc quyết định kỷ luật', f.decision),
      line('Của (người, cơ quan bị khiếu nại)', f.respondent),
      line('Nội dung khiếu nại', f.l?.summary),
      line('Yêu cầu giải quyết', f.l?.request),
      line('Tài liệu, chứng cứ kèm theo (nếu có)', null),
    ]
    if (filled) body.push({ text: `(Đơn được lập theo lời trình bày của người khiếu nại, đã đọc lại cho người khiếu nại nghe; mã số đơn ${input.letter!.code}.)` })
    signers = [{ lines: ['NGƯỜI KHIẾU NẠI', SIGN], name: f.sender?.name?.trim() ?? null }]
  } else {
    body = [
      line('Họ và tên người ủy quyền (người khiếu nại)', f.sender?.name),
      idLine(f.sender?.idNumber),
      line('Địa chỉ', f.sender?.address),
      line('Họ và tên người được ủy quyền', null),
      idLine(null),
      line('Địa chỉ', null),
      line(
        'Nội dung ủy quyền khiếu nại',
        f.decision || f.l?.summary ? `thay mặt người ủy quyền thực hiện việc khiếu nại ${f.decision ?? ''}${f.decision && f.l?.summary ? ' — ' : ''}${f.l?.summary ? clause(f.l.summary) : ''}`.trim() : null,
      ),
      line('Tài liệu kèm theo (nếu có)', null),
    ]
    if (notes.length > 0) body.push({ text: 'Ghi chú:' }, ...notes.map((n) => note(n.note)))
    signers = [
      { lines: ['NGƯỜI ĐƯỢC ỦY QUYỀN', SIGN], name: null },
      { lines: ['NGƯỜI ỦY QUYỀN', SIGN], name: f.sender?.name?.trim() ?? null },
      ...notes.filter((n) => n.certification).map((n) => ({ lines: [n.certification!], name: null })),
    ]
  }
  return {
    schema: 1,
    layout: 'don',
    template: id,
    kind: input.kind,
    letterCode: input.letter?.code ?? null,
    title: info.title,
    form: info.form,
    source: info.source,
    audience: 'nguoi_gui',
    redacted: false,
    issuedOn: input.date,
    heading: { nation: NATION, motto: MOTTO, parentBody: null, issuingBody: '', number: null, symbol: '', placeDate },
    titleLines: [info.title.toLocaleUpperCase('vi')],
    subject: null,
    addressees,
    legalBasis: [],
    body,
    recipients: [],
    signers,
    addresseeAgencyCode: null,
  }
}
