/**
 * The wording of each document template, in the formal register of Vietnamese administrative
 * documents. A writer gets the facts already prepared (dates written out, the sender already
 * replaced by REDACTED_DENOUNCER when the document must not identify a denouncer) and returns
 * the parts of the document that differ between templates; documents.ts adds the heading.
 */
import type { Agency } from './agency.ts'
import type { ContentType } from './codes.ts'
import { capitalise, clause, headOf, sentence, signingTitle, twoDigits, vnDateShort, vnDateWords } from './document-format.ts'
import { citation, type CitationKey } from './citations.ts'
import type {
  BuildInput,
  DocParagraph,
  DocSigner,
  DocumentDecision,
  DocumentModel,
  ReceptionBuildInput,
  ReceptionDocumentVisitor,
  ReceptionTemplateId,
  ReceptionTemplateInfo,
  OutcomeTemplateId,
  TemplateInfo,
} from './documents.ts'
import { ID_KINDS, type IdKind } from './reception.ts'
import { respondentNames, type Letter, type Sender } from './letter.ts'
import { reasonDetail, type ReasonDetail } from './reasons.ts'
import type { ResolutionDocEvent } from './resolution-templates.ts'

/** Stands in for a denouncer everywhere a redacted document would name them. */
export const REDACTED_DENOUNCER = 'Người tố cáo (thông tin được giữ bí mật theo Điều 56 Luật Tố cáo)'

/** Senders who can be named and reached (a letter under a false name has none). */
export const namedSenders = (letter: Letter): Sender[] => (letter.impersonated ? [] : (letter.senders ?? []).filter((s) => !!s.name?.trim()))

/** The template-specific parts of a document. */
export type TemplateContent = Pick<
  DocumentModel,
  'titleLines' | 'subject' | 'addressees' | 'legalBasis' | 'body' | 'recipients' | 'signers' | 'addresseeAgencyCode'
>

/** How the document refers to the person who wrote the letter. */
export interface SenderFacts {
  /** Inside a sentence: "ông (bà) Đặng Văn Đức", or the redacted designation. */
  inSentence: string
  /** After "Kính gửi:": "Ông (bà) Đặng Văn Đức". */
  addressee: string
  /** Only when the document may identify the sender. */
  address: string | null
  idNumber: string | null
  /** Other people who signed the same letter. */
  others: number
  named: boolean
}

export interface Facts {
  letter: Letter
  code: string
  track: 'don_thu' | 'quy_dinh_hanh_chinh'
  redacted: boolean
  /** "ngày 02 tháng 3 năm 2026". */
  received: string
  board: string
  home: Agency | null
  /** The head who decides ("Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi"). */
  homeHead: string
  homeName: string
  competent: Agency | null
  /** The same-level inspectorate: receives a copy of complaint notices (Luật Khiếu nại Art. 27). */
  inspectorate: Agency | null
  sender: SenderFacts
  /** "gửi qua dịch vụ bưu chính", "do Đoàn ĐBQH tỉnh chuyển đến (văn bản số 123/ĐĐBQH)". */
  channel: string
  reasons: ReasonDetail[]
  decision: DocumentDecision
  /** The resolution event a decision or minutes records (resolution-templates.ts); null for an outcome's documents. */
  event: ResolutionDocEvent | null
  /** The citation in force on the day of the letter's receipt — or of the event, which its own rules govern. */
  cite: (key: CitationKey) => string
  agencyName: (code: string | null | undefined) => string | null
}

export const CONTENT_NOUN: Record<ContentType, string> = {
  khieu_nai: 'khiếu nại',
  to_cao: 'tố cáo',
  kien_nghi_phan_anh: 'kiến nghị, phản ánh',
  nhieu_noi_dung: 'có nhiều nội dung',
}

const CHANNEL_PHRASE: Record<string, string> = {
  truc_tiep: 'nộp trực tiếp tại nơi tiếp công dân',
  buu_chinh: 'gửi qua dịch vụ bưu chính',
  hop_thu: 'gửi qua hộp thư góp ý',
  truc_tuyen: 'gửi qua hệ thống tiếp nhận trực tuyến',
  duong_day_nong: 'tiếp nhận qua đường dây nóng',
  cong_dvc_quoc_gia: 'gửi qua Cổng Dịch vụ công quốc gia',
  lanh_dao_chuyen: 'do lãnh đạo Đảng, Nhà nước chuyển đến',
  dai_bieu_chuyen: 'do đại biểu dân cử chuyển đến',
  bao_chi_chuyen: 'do cơ quan báo chí chuyển đến',
  co_quan_chuyen: 'do cơ quan khác chuyển đến',
}

function channelPhrase(letter: Letter): string {
  const by = letter.forwardedBy
  if (by?.name?.trim()) return `do ${clause(by.name)} chuyển đến${by.reference?.trim() ? ` (văn bản số ${clause(by.reference)})` : ''}`
  return CHANNEL_PHRASE[letter.channel] ?? 'gửi đến'
}

function senderFacts(letter: Letter, redacted: boolean): SenderFacts {
  const named = namedSenders(letter)
  if (redacted) {
    return { inSentence: REDACTED_DENOUNCER.charAt(0).toLowerCase() + REDACTED_DENOUNCER.slice(1), addressee: REDACTED_DENOUNCER, address: null, idNumber: null, others: 0, named: named.length > 0 }
  }
  const first = named[0]
  if (!first?.name) {
    const what = letter.impersonated ? 'người viết đơn (đơn mạo danh)' : 'người viết đơn (không ghi rõ họ tên, địa chỉ)'
    return { inSentence: what, addressee: capitalise(what), address: null, idNumber: null, others: 0, named: false }
  }
  const name = first.name.trim()
  return {
    inSentence: `ông (bà) ${name}`,
    addressee: `Ông (bà) ${name}`,
    address: first.address?.trim() || null,
    idNumber: first.idNumber?.trim() || null,
    others: named.length - 1,
    named: true,
  }
}

export function factsFor(input: BuildInput, redacted: boolean): Facts {
  const { letter: l, decision, agencies, settings } = input
  const byCode = new Map(agencies.map((a) => [a.code, a]))
  const home = settings.homeAgencyCode ? (byCode.get(settings.homeAgencyCode) ?? null) : null
  const receivedAt = l.letter.receivedAt
  const reasonCodes = l.reasons.length > 0 ? l.reasons : []
  return {
    letter: l.letter,
    code: l.code.length === 8 ? `${l.code.slice(0, 4)}-${l.code.slice(4)}` : l.code,
    track: l.track,
    redacted,
    received: vnDateWords(receivedAt),
    board: settings.boardName,
    home,
    homeHead: home ? headOf(home) : 'Thủ trưởng cơ quan',
    homeName: home?.name ?? settings.boardName,
    competent: decision.competentAgencyCode ? (byCode.get(decision.competentAgencyCode) ?? null) : null,
    inspectorate: home ? (agencies.find((a) => a.kind === 'thanh_tra' && a.parentCode === home.code && a.active !== false) ?? null) : null,
    sender: senderFacts(l.letter, redacted),
    channel: channelPhrase(l.letter),
    reasons: reasonCodes.map(reasonDetail),
    decision,
    event: input.event ?? null,
    // an event on a complaint accepted before 2026-07-01 follows the rules of its own day (NĐ 155 Art. 22)
    cite: (key) => citation(key, input.event?.date ?? receivedAt),
    agencyName: (code) => (code ? (byCode.get(code)?.name ?? null) : null),
  }
}

// ----- shared pieces ----------------------------------------------------------------------------

export const p = (text: string): DocParagraph => ({ text: sentence(text) })
export const item = (text: string): DocParagraph => ({ text: `- ${clause(text)};`, item: true })
/** The last item of a list ends with a full stop. */
export const items = (texts: readonly string[]): DocParagraph[] =>
  texts.map((t, i) => (i === texts.length - 1 ? { text: `- ${clause(t)}.`, item: true } : item(t)))

export const basis = (...lines: string[]) => lines.map((l) => `Căn cứ ${l};`)

export const othersPhrase = (f: Facts) => (f.sender.others > 0 ? ` và ${twoDigits(f.sender.others)} người khác cùng ký tên trong đơn` : '')

/** "Ngày 02 tháng 3 năm 2026, Ban Tiếp công dân tỉnh nhận được đơn khiếu nại của ông (bà) … (mã số đơn …), gửi qua …". */
function receivedSentence(f: Facts, receiver: string, noun = CONTENT_NOUN[f.letter.contentType]): DocParagraph {
  const where = f.sender.address ? `, địa chỉ: ${clause(f.sender.address)}` : ''
  return p(`${capitalise(f.received)}, ${receiver} nhận được đơn ${noun} của ${f.sender.inSentence}${othersPhrase(f)}${where} (mã số đơn ${f.code}), ${f.channel}`)
}

export function respondentText(f: Facts): string | null {
  const r = f.letter.respondent
  if (!r) return null
  const names = respondentNames(r.person, f.agencyName(r.agencyCode))
  const person = names.person ? clause(names.person) : null
  if (person && names.agency) return `${person} (${names.agency})`
  return names.agency ?? person
}

/** "Quyết định số 12/QĐ-UBND ngày 10/01/2026 của …" — the decision complained about, when recorded. */
export function decisionText(f: Facts): string | null {
  const d = f.letter.decision
  if (!d?.number?.trim()) return null
  const of = f.agencyName(f.letter.respondent?.agencyCode)
  return `Quyết định số ${clause(d.number)}${d.date ? ` ngày ${vnDateShort(d.date)}` : ''}${of ? ` của ${of}` : ''}`
}

export const summaryOf = (f: Facts) => (f.letter.summary?.trim() ? clause(f.letter.summary) : null)
export const actOf = (f: Facts) => (f.letter.act?.trim() ? clause(f.letter.act) : summaryOf(f))
export const roundOf = (f: Facts) => (f.letter.complaintRound === 2 ? 'lần hai' : 'lần đầu')

/** The content lines of a complaint: what is complained about, the respondent, the request. */
function complaintLines(f: Facts): DocParagraph[] {
  const lines: DocParagraph[] = []
  const decision = decisionText(f)
  if (decision) lines.push(p(`Quyết định hành chính bị khiếu nại: ${decision}`))
  const respondent = respondentText(f)
  if (respondent) lines.push(p(`Người bị khiếu nại: ${respondent}`))
  const summary = summaryOf(f)
  if (summary) lines.push(p(`Nội dung khiếu nại: ${summary}`))
  if (f.letter.request?.trim()) lines.push(p(`Yêu cầu của người khiếu nại: ${clause(f.letter.request)}`))
  return lines
}

function denunciationLines(f: Facts): DocParagraph[] {
  const lines: DocParagraph[] = []
  const respondent = respondentText(f)
  if (respondent) lines.push(p(`Người bị tố cáo: ${respondent}`))
  const act = actOf(f)
  if (act) lines.push(p(`Nội dung tố cáo: ${act}`))
  return lines
}

function contentLines(f: Facts): DocParagraph[] {
  switch (f.letter.contentType) {
    case 'khieu_nai':
      return complaintLines(f)
    case 'to_cao':
      return denunciationLines(f)
    case 'nhieu_noi_dung':
      return (f.letter.contents ?? []).map((c) => p(`Nội dung ${CONTENT_NOUN[c.contentType]}: ${c.summary?.trim() ? clause(c.summary) : 'không ghi rõ'}`))
    default: {
      const summary = summaryOf(f)
      const lines = summary ? [p(`Nội dung kiến nghị, phản ánh: ${summary}`)] : []
      if (f.letter.request?.trim()) lines.push(p(`Đề nghị của người viết đơn: ${clause(f.letter.request)}`))
      return lines
    }
  }
}

/** The ID line of the complaint notices; the form's wording depends on the regime (TemplateInfo.idLabel). */
function idLine(f: Facts, t: TemplateInfo): DocParagraph {
  return p(`${t.idLabel ?? 'Số giấy tờ tùy thân'}: ${f.sender.idNumber ?? '…'}; ngày cấp: …; nơi cấp: …`)
}

/** The opening of the notices to a complainant: the letter received, the complainant, what it is about. */
const complaintNoticeLines = (f: Facts, t: TemplateInfo): DocParagraph[] => [
  p(`${capitalise(f.received)}, ${f.homeName} nhận được đơn khiếu nại của ${f.sender.inSentence}${othersPhrase(f)} (mã số đơn ${f.code})`),
  p(`Địa chỉ: ${f.sender.address ?? '…'}`),
  idLine(f, t),
  p(`Khiếu nại về việc: ${summaryOf(f) ?? decisionText(f) ?? '…'}`),
]

/** Why a letter is not accepted, as a notice lists them: the reasons with their basis, else the decision's note. */
function refusalReasons(f: Facts): string[] {
  const reasons = f.reasons.map((r) => `${clause(r.message)}${r.basis ? ` (${r.basis})` : ''}`)
  if (reasons.length === 0 && f.decision.note?.trim()) reasons.push(f.decision.note)
  return reasons
}

const keepSecret = (who: string): DocParagraph =>
  p(`Đề nghị ${who} giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo theo quy định tại Điều 56 Luật Tố cáo; không chuyển đơn tố cáo hoặc thông tin, tài liệu làm lộ danh tính người tố cáo cho người bị tố cáo`)

const boardSigner = (): DocSigner[] => [{ lines: ['TRƯỞNG BAN'], name: null }]
export const homeSigner = (f: Facts): DocSigner[] => [{ lines: [signingTitle(f.home)], name: null }]
/** A proposal is signed by the officer who proposes and approved by a leader beside it. */
const proposalSigners = (f: Facts): DocSigner[] => [
  { lines: ['Ý KIẾN PHÊ DUYỆT CỦA LÃNH ĐẠO'], name: null },
  { lines: ['NGƯỜI ĐỀ XUẤT'], name: f.decision.decidedByName },
]
export const filed = 'Lưu: VT, hồ sơ.'

function noticeRecipients(f: Facts): string[] {
  const list = ['Như trên;']
  if (f.letter.forwardedBy?.name?.trim()) list.push(`${clause(f.letter.forwardedBy.name)} (cơ quan chuyển đơn);`)
  if (f.inspectorate) list.push(`${f.inspectorate.name};`)
  list.push(filed)
  return list
}

const competentHead = (f: Facts) => (f.competent ? headOf(f.competent) : 'cơ quan có thẩm quyền')
/** "Giám đốc Sở Y tế (Sở Y tế, địa chỉ: …)": who decides and where to send the letter. */
function competentFull(f: Facts): string {
  const a = f.competent
  if (!a) return 'cơ quan, tổ chức, cá nhân có thẩm quyền'
  const head = headOf(a)
  const parts = head.includes(a.name) ? [] : [a.name]
  if (a.address?.trim()) parts.push(`địa chỉ: ${clause(a.address)}`)
  return parts.length > 0 ? `${head} (${parts.join(', ')})` : head
}

// ----- the writers ------------------------------------------------------------------------------

export type Writer = (f: Facts, t: TemplateInfo) => TemplateContent

const deXuatThuLyKhieuNai: Writer = (f, _t) => ({
  titleLines: ['PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN KHIẾU NẠI'],
  subject: null,
  addressees: [f.homeHead],
  legalBasis: basis(f.cite('luat_khieu_nai'), f.cite('nd_khieu_nai'), f.cite('tt05')),
  body: [
    receivedSentence(f, f.board),
    ...complaintLines(f),
    p(
      `Qua xem xét, đơn khiếu nại đủ điều kiện thụ lý, thuộc thẩm quyền giải quyết ${roundOf(f)} của ${f.homeHead} và không thuộc các trường hợp không được thụ lý giải quyết quy định tại Điều 11 Luật Khiếu nại`,
    ),
    p(
      `${f.board} kính đề xuất ${f.homeHead} thụ lý giải quyết khiếu nại theo quy định${f.decision.dueDate ? `; thời hạn thụ lý và thông báo việc thụ lý cho người khiếu nại chậm nhất là ngày ${vnDateShort(f.decision.dueDate)}` : ''}`,
    ),
  ],
  recipients: [],
  signers: proposalSigners(f),
  addresseeAgencyCode: null,
})

const thongBaoThuLy: Writer = (f, t) => ({
  titleLines: ['THÔNG BÁO', `Về việc thụ lý giải quyết khiếu nại (${roundOf(f)})`],
  subject: null,
  addressees: [f.sender.addressee],
  legalBasis: basis(f.cite('luat_khieu_nai'), f.cite('nd_khieu_nai')),
  body: [
    ...complaintNoticeLines(f, t),
    p(
      `Sau khi xem xét nội dung đơn khiếu nại, căn cứ Điều 27 Luật Khiếu nại, đơn khiếu nại đủ điều kiện thụ lý và thuộc thẩm quyền giải quyết ${roundOf(f)} của ${f.homeHead}. ${f.homeName} thông báo việc thụ lý giải quyết khiếu nại`,
    ),
    p(`Vậy thông báo để ${f.sender.inSentence} biết`),
  ],
  recipients: noticeRecipients(f),
  signers: homeSigner(f),
  addresseeAgencyCode: null,
})

const thongBaoKhongThuLy: Writer = (f, t) => {
  const reasons = refusalReasons(f)
  return {
    titleLines: ['THÔNG BÁO', 'Về việc không thụ lý giải quyết khiếu nại'],
    subject: null,
    addressees: [f.sender.addressee],
    legalBasis: basis(f.cite('luat_khieu_nai'), f.cite('nd_khieu_nai')),
    body: [
      ...complaintNoticeLines(f, t),
      p(`Sau khi xem xét nội dung đơn khiếu nại, căn cứ Điều 11 và Điều 27 Luật Khiếu nại, khiếu nại của ${f.sender.inSentence} không đủ điều kiện thụ lý giải quyết vì lý do sau đây:`),
      ...items(reasons.length > 0 ? reasons : ['…']),
      p(`Vậy thông báo để ${f.sender.inSentence} biết`),
    ],
    recipients: noticeRecipients(f),
    signers: homeSigner(f),
    addresseeAgencyCode: null,
  }
}

const huongDan: Writer = (f, _t) => {
  const noun = CONTENT_NOUN[f.letter.contentType]
  const law = f.letter.contentType === 'to_cao' ? 'Luật Tố cáo' : f.letter.contentType === 'khieu_nai' ? 'Luật Khiếu nại' : 'pháp luật'
  return {
    titleLines: [],
    subject: `V/v hướng dẫn gửi đơn ${noun} đến cơ quan có thẩm quyền giải quyết`,
    addressees: [f.sender.addressee],
    legalBasis: [],
    body: [
      receivedSentence(f, f.board),
      ...contentLines(f),
      p(
        `Căn cứ quy định của ${law} và Thông tư số 05/2021/TT-TTCP, nội dung đơn không thuộc thẩm quyền giải quyết của ${f.homeHead} mà thuộc thẩm quyền giải quyết của ${competentFull(f)}`,
      ),
      p(
        `${f.board} hướng dẫn ${f.sender.inSentence} gửi đơn và các thông tin, tài liệu, chứng cứ kèm theo (nếu có) đến ${f.competent?.name ?? 'cơ quan có thẩm quyền'} để được xem xét, giải quyết theo quy định của pháp luật`,
      ),
      p(`Việc hướng dẫn chỉ thực hiện một lần. Trường hợp ${f.sender.inSentence} tiếp tục gửi đơn có cùng nội dung đến ${f.board} thì đơn sẽ được lưu theo quy định`),
      p(`${f.board} thông báo để ${f.sender.inSentence} biết và thực hiện`),
    ],
    recipients: ['Như trên;', filed],
    signers: boardSigner(),
    addresseeAgencyCode: null,
  }
}

const chuyenDonToCao: Writer = (f, _t) => {
  const head = competentHead(f)
  return {
    titleLines: ['PHIẾU CHUYỂN ĐƠN TỐ CÁO'],
    subject: null,
    addressees: [head],
    legalBasis: basis(f.cite('luat_to_cao'), f.cite('nd_to_cao'), f.cite('tt05')),
    body: [
      p(`${capitalise(f.received)}, ${f.board} nhận được đơn tố cáo (mã số đơn ${f.code}), ${f.channel}`),
      p(REDACTED_DENOUNCER),
      ...denunciationLines(f),
      p(
        `Căn cứ khoản 1 Điều 14 Thông tư số 05/2021/TT-TTCP và khoản 2 Điều 24 Luật Tố cáo, nội dung tố cáo không thuộc thẩm quyền giải quyết của ${f.homeHead}. ${f.board} chuyển đơn tố cáo nêu trên đến ${head} để xem xét, giải quyết theo thẩm quyền`,
      ),
      keepSecret(head),
      p(`Đề nghị ${head} thông báo kết quả xử lý cho ${f.board} để theo dõi theo quy định`),
      p('Kèm theo: bản sao đơn tố cáo đã che thông tin của người tố cáo và các tài liệu có liên quan (nếu có)'),
    ],
    recipients: ['Như trên;', filed],
    signers: boardSigner(),
    addresseeAgencyCode: f.competent?.code ?? null,
  }
}

const thongBaoChuyenDon: Writer = (f, _t) => ({
  titleLines: ['THÔNG BÁO', 'Về việc chuyển đơn tố cáo'],
  subject: null,
  addressees: [f.sender.addressee],
  legalBasis: basis(f.cite('luat_to_cao'), f.cite('tt05')),
  body: [
    receivedSentence(f, f.board),
    ...denunciationLines(f),
    p(
      `Căn cứ khoản 2 Điều 24 Luật Tố cáo, nội dung tố cáo không thuộc thẩm quyền giải quyết của ${f.homeHead}. ${f.board} đã chuyển đơn tố cáo đến ${competentFull(f)} để xem xét, giải quyết theo thẩm quyền`,
    ),
    p(`Khi chuyển đơn, họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của ${f.sender.inSentence} được giữ bí mật theo quy định tại Điều 56 Luật Tố cáo`),
    p(`${f.board} thông báo để ${f.sender.inSentence} biết`),
  ],
  recipients: ['Như trên;', filed],
  signers: boardSigner(),
  addresseeAgencyCode: null,
})

const chuyenDon: Writer = (f, _t) => {
  const head = competentHead(f)
  const regulation = f.track === 'quy_dinh_hanh_chinh'
  const noun = regulation ? 'phản ánh, kiến nghị về quy định hành chính' : CONTENT_NOUN[f.letter.contentType]
  const body: DocParagraph[] = [receivedSentence(f, f.board, noun), ...contentLines(f)]
  body.push(
    p(
      `Xét thấy nội dung đơn không thuộc thẩm quyền giải quyết của ${f.homeHead}, ${f.board} chuyển đơn đến ${head} để xem xét, giải quyết theo thẩm quyền và trả lời cho người có đơn theo quy định`,
    ),
  )
  if (f.redacted) body.push(keepSecret(head))
  body.push(p(`Đề nghị ${head} thông báo kết quả giải quyết cho ${f.board} để theo dõi`))
  const recipients = ['Như trên;']
  if (!f.redacted && f.sender.named) recipients.push(`${f.sender.addressee} (để biết);`)
  recipients.push(filed)
  return {
    titleLines: ['PHIẾU CHUYỂN ĐƠN'],
    subject: null,
    addressees: [head],
    legalBasis: basis(...(regulation ? [f.cite('nd20')] : []), f.cite('tt05')),
    body,
    recipients,
    signers: boardSigner(),
    addresseeAgencyCode: f.competent?.code ?? null,
  }
}

const donDoc: Writer = (f, _t) => {
  const head = competentHead(f)
  const noun = CONTENT_NOUN[f.letter.contentType]
  const pending = f.letter.pendingAt
  const since = pending?.since ? ` từ ngày ${vnDateShort(pending.since)}` : ''
  const body: DocParagraph[] = [receivedSentence(f, f.board), ...contentLines(f)]
  body.push(
    p(
      `Theo hồ sơ, vụ việc thuộc thẩm quyền giải quyết của ${head}, đã được ${f.competent?.name ?? 'cơ quan có thẩm quyền'} tiếp nhận${since} nhưng đến nay đã quá thời hạn giải quyết theo quy định mà chưa có kết quả`,
    ),
    p(
      `Căn cứ ${f.letter.contentType === 'to_cao' ? 'khoản 2 Điều 14 ' : ''}Thông tư số 05/2021/TT-TTCP, ${f.homeHead} yêu cầu ${head} khẩn trương chỉ đạo xem xét, giải quyết dứt điểm vụ việc theo quy định của pháp luật; báo cáo quá trình xử lý, lý do chậm giải quyết, trách nhiệm của tổ chức, cá nhân có liên quan và gửi kết quả giải quyết về ${f.homeName} (qua ${f.board}) để theo dõi`,
    ),
  )
  if (f.redacted) body.push(keepSecret(head))
  return {
    titleLines: [],
    subject: `V/v đôn đốc giải quyết đơn ${noun}`,
    addressees: [head],
    legalBasis: [],
    body,
    recipients: ['Như trên;', ...(f.inspectorate ? [`${f.inspectorate.name};`] : []), `${f.board};`, filed],
    signers: homeSigner(f),
    addresseeAgencyCode: f.competent?.code ?? null,
  }
}

const huongDanTachDon: Writer = (f, _t) => ({
  titleLines: [],
  subject: 'V/v hướng dẫn tách đơn theo từng nội dung',
  addressees: [f.sender.addressee],
  legalBasis: [],
  body: [
    receivedSentence(f, f.board),
    p('Đơn có nhiều nội dung khác nhau, gồm:'),
    ...items((f.letter.contents ?? []).map((c) => `${capitalise(CONTENT_NOUN[c.contentType])}: ${c.summary?.trim() ? clause(c.summary) : 'không ghi rõ'}`).concat(f.letter.contents?.length ? [] : ['…'])),
    p(
      `Theo quy định tại Điều 6 Thông tư số 05/2021/TT-TTCP, mỗi nội dung khiếu nại, tố cáo, kiến nghị, phản ánh được xem xét, xử lý theo trình tự, thủ tục riêng và có thể thuộc thẩm quyền giải quyết của các cơ quan khác nhau. ${f.board} hướng dẫn ${f.sender.inSentence} tách thành từng đơn riêng theo từng nội dung và gửi đến cơ quan có thẩm quyền giải quyết, cụ thể:`,
    ),
    ...items([
      'Đơn khiếu nại ghi rõ ngày, tháng, năm viết đơn; họ, tên, địa chỉ của người khiếu nại; tên, địa chỉ của cơ quan, tổ chức, cá nhân bị khiếu nại; nội dung, lý do khiếu nại, tài liệu liên quan và yêu cầu giải quyết; có chữ ký hoặc điểm chỉ của người khiếu nại',
      'Đơn tố cáo ghi rõ ngày, tháng, năm viết đơn; họ, tên, địa chỉ, cách thức liên hệ với người tố cáo; hành vi vi phạm pháp luật bị tố cáo; người bị tố cáo và các thông tin liên quan khác; có chữ ký hoặc điểm chỉ của người tố cáo',
      'Đơn kiến nghị, phản ánh ghi rõ nội dung kiến nghị, phản ánh; họ, tên, địa chỉ và chữ ký hoặc điểm chỉ của người viết đơn',
    ]),
    p(`${f.board} thông báo để ${f.sender.inSentence} biết và thực hiện`),
  ],
  recipients: ['Như trên;', filed],
  signers: boardSigner(),
  addresseeAgencyCode: null,
})

const deXuatThuLyToCao: Writer = (f, _t) => ({
  titleLines: ['PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN TỐ CÁO'],
  subject: null,
  addressees: [f.homeHead],
  legalBasis: basis(f.cite('luat_to_cao'), f.cite('nd_to_cao'), f.cite('tt05')),
  body: [
    p(`${capitalise(f.received)}, ${f.board} nhận được đơn tố cáo (mã số đơn ${f.code}), ${f.channel}`),
    p(f.redacted ? REDACTED_DENOUNCER : `Người tố cáo: ${f.sender.inSentence}`),
    ...denunciationLines(f),
    p(`Qua xem xét, đơn tố cáo đủ điều kiện thụ lý theo quy định tại Điều 29 Luật Tố cáo và thuộc thẩm quyền giải quyết của ${f.homeHead}`),
    p(
      `${f.board} kính đề xuất ${f.homeHead} ban hành quyết định thụ lý tố cáo và thông báo cho người tố cáo, người bị tố cáo theo quy định${f.decision.dueDate ? `; thời hạn kiểm tra, xác minh thông tin ban đầu đến hết ngày ${vnDateShort(f.decision.dueDate)}` : ''}`,
    ),
  ],
  recipients: [],
  signers: proposalSigners(f),
  addresseeAgencyCode: null,
})

const deXuatKiemTra: Writer = (f, _t) => ({
  titleLines: ['PHIẾU ĐỀ XUẤT KIỂM TRA, XÁC MINH THÔNG TIN TỐ CÁO'],
  subject: null,
  addressees: [f.homeHead],
  legalBasis: basis(f.cite('luat_to_cao'), f.cite('tt05')),
  body: [
    p(
      `${capitalise(f.received)}, ${f.board} nhận được đơn tố cáo (mã số đơn ${f.code}), ${f.channel}; đơn ${f.letter.impersonated ? 'mạo danh người khác' : 'không rõ họ tên, địa chỉ người tố cáo'}`,
    ),
    ...denunciationLines(f),
    p(
      'Đơn không đủ điều kiện thụ lý giải quyết theo thủ tục giải quyết tố cáo, nhưng nội dung tố cáo nêu rõ người có hành vi vi phạm pháp luật, có tài liệu, chứng cứ cụ thể về hành vi vi phạm và có cơ sở để thẩm tra, xác minh',
    ),
    p(
      `Căn cứ khoản 2 Điều 25 Luật Tố cáo, ${f.board} kính đề xuất ${f.homeHead} giao cơ quan, đơn vị chức năng tiến hành thanh tra, kiểm tra theo thẩm quyền hoặc chuyển đến cơ quan, tổ chức, cá nhân có thẩm quyền để thanh tra, kiểm tra phục vụ công tác quản lý`,
    ),
  ],
  recipients: [],
  signers: proposalSigners(f),
  addresseeAgencyCode: null,
})

const thongBaoKhongThuLyToCao: Writer = (f, _t) => {
  const reasons = refusalReasons(f)
  return {
    titleLines: ['THÔNG BÁO', 'Về việc không thụ lý tố cáo'],
    subject: null,
    addressees: [f.sender.addressee],
    legalBasis: basis(f.cite('luat_to_cao'), f.cite('nd_to_cao')),
    body: [
      p(`${capitalise(f.received)}, ${f.homeName} nhận được đơn tố cáo của ${f.sender.inSentence}${othersPhrase(f)}${f.sender.address ? `, địa chỉ: ${clause(f.sender.address)}` : ''} (mã số đơn ${f.code})`),
      ...denunciationLines(f),
      p('Sau khi kiểm tra, xác minh thông tin ban đầu, căn cứ Điều 29 Luật Tố cáo, tố cáo không đủ điều kiện thụ lý vì lý do sau đây:'),
      ...items(reasons.length > 0 ? reasons : ['…']),
      p(`Vậy thông báo để ${f.sender.inSentence} biết`),
    ],
    recipients: ['Như trên;', filed],
    signers: homeSigner(f),
    addresseeAgencyCode: null,
  }
}

const deXuatKienNghi: Writer = (f, _t) => {
  const regulation = f.track === 'quy_dinh_hanh_chinh'
  return {
    titleLines: [regulation ? 'PHIẾU ĐỀ XUẤT XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ VỀ QUY ĐỊNH HÀNH CHÍNH' : 'PHIẾU ĐỀ XUẤT XỬ LÝ ĐƠN KIẾN NGHỊ, PHẢN ÁNH'],
    subject: null,
    addressees: [f.homeHead],
    legalBasis: basis(...(regulation ? [f.cite('nd20')] : []), f.cite('tt05')),
    body: [
      receivedSentence(f, f.board, regulation ? 'phản ánh, kiến nghị về quy định hành chính' : CONTENT_NOUN[f.letter.contentType]),
      ...contentLines(f),
      p(`Qua xem xét, nội dung đơn thuộc thẩm quyền xem xét, giải quyết của ${f.homeHead}`),
      p(
        `${f.board} kính đề xuất ${f.homeHead} giao cơ quan, đơn vị chuyên môn xem xét, giải quyết và trả lời bằng văn bản cho người có đơn theo quy định${f.decision.dueDate ? `; thời hạn xử lý đơn đến hết ngày ${vnDateShort(f.decision.dueDate)}` : ''}`,
      ),
    ],
    recipients: [],
    signers: proposalSigners(f),
    addresseeAgencyCode: null,
  }
}

export const WRITERS: Record<OutcomeTemplateId, Writer> = {
  tt05_m01_de_xuat_thu_ly: deXuatThuLyKhieuNai,
  nd124_m03_thong_bao_thu_ly: thongBaoThuLy,
  nd155_m03_thong_bao_thu_ly: thongBaoThuLy,
  nd124_m04_thong_bao_khong_thu_ly: thongBaoKhongThuLy,
  nd155_m04_thong_bao_khong_thu_ly: thongBaoKhongThuLy,
  tt05_m02_huong_dan: huongDan,
  tt05_m03_chuyen_don_to_cao: chuyenDonToCao,
  tc_thong_bao_chuyen_don: thongBaoChuyenDon,
  tt05_chuyen_don: chuyenDon,
  tt05_don_doc: donDoc,
  tt05_huong_dan_tach_don: huongDanTachDon,
  tc_de_xuat_thu_ly: deXuatThuLyToCao,
  tc_de_xuat_kiem_tra: deXuatKiemTra,
  tc_thong_bao_khong_thu_ly: thongBaoKhongThuLyToCao,
  knpa_de_xuat_giai_quyet: deXuatKienNghi,
}

// ----- reception documents ----------------------------------------------------------------------

/** What the reception writers need, prepared like `Facts` for the letter templates. */
export interface ReceptionFacts {
  input: ReceptionBuildInput
  /** "ngày 06 tháng 7 năm 2026": the visit's (session's) date. */
  date: string
  board: string
  home: Agency | null
  homeName: string
  /** The person the notice or receipt is for: a representative of a group, else the first visitor. */
  citizen: {
    name: string | null
    inSentence: string
    addressee: string
    address: string | null
    /** "051075000111 (Căn cước, căn cước công dân)", or null when not shown. */
    idText: string | null
    /** Other persons of the visit (a group). */
    others: number
  }
  cite: (key: CitationKey) => string
}

function citizenOf(visitors: readonly ReceptionDocumentVisitor[], persons: number): ReceptionFacts['citizen'] {
  const first = visitors.find((v) => v.representative && v.name.trim()) ?? visitors.find((v) => v.name.trim())
  if (!first) return { name: null, inSentence: 'công dân', addressee: 'Công dân', address: null, idText: null, others: Math.max(0, persons - 1) }
  const name = first.name.trim()
  const kind = first.idKind && first.idKind in ID_KINDS ? ID_KINDS[first.idKind as IdKind] : null
  const number = first.idNumber?.trim() || null
  return {
    name,
    inSentence: `ông (bà) ${name}`,
    addressee: `Ông (bà) ${name}`,
    address: first.address?.trim() || null,
    idText: number ? `${number}${kind ? ` (${kind})` : ''}` : null,
    others: Math.max(0, persons - 1),
  }
}

export function receptionFactsFor(input: ReceptionBuildInput, _t: ReceptionTemplateInfo): ReceptionFacts {
  const byCode = new Map(input.agencies.map((a) => [a.code, a]))
  const home = input.settings.homeAgencyCode ? (byCode.get(input.settings.homeAgencyCode) ?? null) : null
  const date = input.session?.date ?? input.visit.date
  return {
    input,
    date: vnDateWords(date),
    board: input.settings.boardName,
    home,
    homeName: home?.name ?? input.settings.boardName,
    citizen: citizenOf(input.visit.visitors, input.visit.persons),
    cite: (key) => citation(key, date),
  }
}

type ReceptionWriter = (f: ReceptionFacts, t: ReceptionTemplateInfo) => TemplateContent

/** "ông (bà) Phạm Văn Hùng và 11 người khác": a group's representative stands for the group. */
const citizenWithOthers = (f: ReceptionFacts) => `${f.citizen.inSentence}${f.citizen.others > 0 ? ` cùng ${twoDigits(f.citizen.others)} người khác` : ''}`

const citizenLines = (f: ReceptionFacts, t: ReceptionTemplateInfo): DocParagraph[] => [
  p(`${t.idLabel ?? 'Số giấy tờ tùy thân'}: ${f.citizen.idText ?? '…'}; ngày cấp: …; nơi cấp: …`),
  p(`Địa chỉ: ${f.citizen.address ? clause(f.citizen.address) : '…'}`),
]

const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s)

/** Mẫu 01/TCD (and the TT 04/2021 notice before it): the refusal, its ground and its basis. */
const thongBaoTuChoi: ReceptionWriter = (f, t) => {
  const ground = f.input.visit.refusalGround
  const summary = f.input.visit.summary?.trim()
  const before2026 = t.id === 'tt04_thong_bao_tu_choi'
  return {
    titleLines: ['THÔNG BÁO', 'Về việc từ chối tiếp công dân'],
    subject: null,
    addressees: [f.citizen.addressee],
    legalBasis: basis(f.cite('luat_tiep_cong_dan'), f.cite('nd_tiep_cong_dan'), ...(before2026 ? [f.cite('tt04')] : [])),
    body: [
      p(`${capitalise(f.date)}, ${f.board} tiếp ${citizenWithOthers(f)}`),
      ...citizenLines(f, t),
      ...(summary ? [p(`Nội dung trình bày: ${clause(summary)}`)] : []),
      p(
        ground
          ? `Căn cứ ${ground.basis}, ${f.board} từ chối tiếp ${f.citizen.inSentence} vì lý do: ${lowerFirst(clause(ground.label))}`
          : `${f.board} từ chối tiếp ${f.citizen.inSentence} vì lý do: …`,
      ),
      p(`Vậy thông báo để ${f.citizen.inSentence} biết`),
    ],
    recipients: ['Như trên;', filed],
    signers: boardSigner(),
    addresseeAgencyCode: null,
  }
}

/** Mẫu 02/TCD: what was handed in, signed by the citizen and the officer. */
const giayBienNhan: ReceptionWriter = (f, t) => {
  const received = (f.input.documentsReceived ?? []).map((d) => d.trim()).filter(Boolean)
  return {
    titleLines: ['GIẤY BIÊN NHẬN', 'Thông tin, tài liệu, bằng chứng'],
    subject: null,
    addressees: [],
    legalBasis: [],
    body: [
      p(`${capitalise(f.date)}, tại ${f.board}, ${f.input.officerName ? `ông (bà) ${f.input.officerName}, ` : ''}người tiếp công dân, đã nhận của ${citizenWithOthers(f)}`),
      ...citizenLines(f, t),
      p('Các thông tin, tài liệu, bằng chứng sau đây:'),
      ...items(received.length > 0 ? received : ['…']),
      p(`Giấy biên nhận được lập thành 02 bản, ${f.citizen.inSentence} giữ 01 bản, ${f.board} giữ 01 bản`),
    ],
    recipients: [],
    signers: [
      { lines: ['NGƯỜI NỘP'], name: f.citizen.name },
      { lines: ['NGƯỜI NHẬN'], name: f.input.officerName ?? null },
    ],
    addresseeAgencyCode: null,
  }
}

/** The leader's conclusion notice (NĐ 154 Art. 25–27): the session in numbers, then the conclusion. */
const thongBaoKetLuan: ReceptionWriter = (f, _t) => {
  const s = f.input.session
  const host = s?.hostName.trim() || 'Lãnh đạo'
  const kind = s?.kind === 'dot_xuat' ? 'đột xuất' : 'định kỳ'
  const lines = (s?.conclusion ?? '').split(/\r?\n/u).map((l) => l.trim()).filter(Boolean)
  return {
    titleLines: ['THÔNG BÁO', `Kết luận của ${host} tại buổi tiếp công dân ${kind} ${f.date}`],
    subject: null,
    addressees: [],
    legalBasis: basis(f.cite('luat_tiep_cong_dan'), f.cite('nd_tiep_cong_dan')),
    body: [
      p(
        `${capitalise(f.date)}, ${host}${s?.delegated ? ' (người được ủy quyền)' : ''} đã chủ trì tiếp công dân ${kind} tại ${f.board}; đã tiếp ${twoDigits(s?.visits ?? 0)} lượt với ${twoDigits(s?.persons ?? 0)} người, về ${twoDigits(s?.matters ?? 0)} vụ việc`,
      ),
      p(`Sau khi nghe công dân trình bày và ý kiến của các cơ quan, đơn vị có liên quan, ${host} kết luận như sau:`),
      ...(lines.length > 0 ? lines.map((l) => p(l)) : [p('…')]),
      p(`${f.homeName} thông báo để các cơ quan, đơn vị, cá nhân có liên quan biết, thực hiện`),
    ],
    recipients: ['Các cơ quan, đơn vị có liên quan;', 'Công dân có đơn (để biết);', `${f.board};`, filed],
    signers: [{ lines: [signingTitle(f.home)], name: null }],
    addresseeAgencyCode: null,
  }
}

export const RECEPTION_WRITERS: Record<ReceptionTemplateId, ReceptionWriter> = {
  tt04_thong_bao_tu_choi: thongBaoTuChoi,
  nd154_m01_thong_bao_tu_choi: thongBaoTuChoi,
  tt04_giay_bien_nhan: giayBienNhan,
  nd154_m02_giay_bien_nhan: giayBienNhan,
  tt04_thong_bao_ket_luan: thongBaoKetLuan,
  nd154_thong_bao_ket_luan: thongBaoKetLuan,
}
