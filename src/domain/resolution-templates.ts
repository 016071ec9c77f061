/**
 * The documents a resolution event issues (resolution-rules.ts RESOLUTION_DOCUMENT_RULES): the
 * written complexity determination (NĐ 155/2026 Art. 3a), the dialogue minutes (Mẫu 14 of
 * NĐ 124/2020, replaced by NĐ 155/2026's), the suspension or termination decision (Mẫu 14a) and the
 * resumption decision (Mẫu 14b) of NĐ 155/2026, the termination decision of a withdrawn complaint
 * before 2026-07-01 (Luật Khiếu nại 2011 Art. 10), and the denunciation decisions of Luật Tố cáo
 * Art. 34. Stored and rendered like an outcome's documents (documents.ts); for a denunciation
 * they go to both parties and so never name the denouncer.
 *
 * The wording follows the structure of the forms as far as the transcriptions show it
 * (legal-2026.md §2.2); the exact form text of Mẫu 14, 14a, 14b was not seen.
 */
import { capitalise, clause, upper, vnDateShort, vnDateWords } from './document-format.ts'
import {
  basis,
  filed,
  homeSigner,
  item,
  items,
  namedSenders,
  othersPhrase,
  p,
  respondentText,
  roundOf,
  summaryOf,
  actOf,
  type Facts,
  type Writer,
} from './document-templates.ts'
import type { DocParagraph, TemplateInfo } from './documents.ts'
import type { DialogueData } from './resolution.ts'
import type { ResolutionEventKind, WithdrawalForm, WithdrawalScope } from './resolution-rules.ts'

export type ResolutionTemplateId =
  | 'nd155_xac_dinh_phuc_tap'
  | 'nd124_m14_bien_ban_doi_thoai'
  | 'nd155_m14_bien_ban_doi_thoai'
  | 'nd155_m14a_tam_dinh_chi'
  | 'nd155_m14a_dinh_chi'
  | 'nd155_m14b_tiep_tuc'
  | 'kn2011_dinh_chi'
  | 'tc_tam_dinh_chi'
  | 'tc_dinh_chi'
  | 'tc_tiep_tuc'
  | 'tc_gia_han'

/** The event as the writers need it: labels already resolved from the rows in force on its date. */
export interface ResolutionDocEvent {
  kind: ResolutionEventKind
  date: string
  acceptedOn: string
  ground: { label: string; basis: string; notifiesCommune?: boolean | undefined; withdrawal?: boolean | undefined } | null
  reason: string | null
  criteria: ReadonlyArray<{ point: string; label: string }>
  decidedBy: string | null
  dialogue: DialogueData | null
  /** A resumption: the day of the suspension it ends. */
  suspendedOn: string | null
  /** The resolution due date this event leads to (a complexity determination, a resumption). */
  dueDate: string | null
  /** The length in days of the period after a complexity determination. */
  dueDays: number | null
  /** An extension: the days it adds (the new due date is `dueDate`) and which extension it is (1, 2). */
  extension: { days: number; count: number } | null
  /** The withdrawal that a termination follows. */
  withdrawal: { scope: WithdrawalScope; form: WithdrawalForm; date: string; content: string | null } | null
}

const ND155 = 'Nghị định số 155/2026/NĐ-CP'
const TC_34 = 'Điều 34 Luật Tố cáo (số mẫu chưa được xác minh)'

const decisionInfo = (id: ResolutionTemplateId, title: string, form: string | null, source: string): TemplateInfo => ({
  id,
  title,
  form,
  source,
  audience: 'cac_ben',
  issuer: 'co_quan_chu_quan',
  typeCode: 'QĐ',
})

export const RESOLUTION_TEMPLATES: Record<ResolutionTemplateId, TemplateInfo> = {
  nd155_xac_dinh_phuc_tap: {
    id: 'nd155_xac_dinh_phuc_tap',
    title: 'Văn bản xác định vụ việc khiếu nại phức tạp',
    form: null,
    source: `Điều 3a Nghị định số 124/2020/NĐ-CP, bổ sung bởi ${ND155} (số mẫu chưa được xác minh)`,
    audience: 'noi_bo',
    issuer: 'co_quan_chu_quan',
    typeCode: null,
  },
  nd124_m14_bien_ban_doi_thoai: {
    id: 'nd124_m14_bien_ban_doi_thoai',
    title: 'Biên bản đối thoại',
    form: 'Mẫu số 14',
    source: 'Nghị định số 124/2020/NĐ-CP',
    audience: 'cac_ben',
    issuer: 'co_quan_chu_quan',
    typeCode: 'BB',
  },
  nd155_m14_bien_ban_doi_thoai: {
    id: 'nd155_m14_bien_ban_doi_thoai',
    title: 'Biên bản đối thoại',
    form: 'Mẫu số 14',
    source: `${ND155} (thay thế Mẫu số 14 của Nghị định số 124/2020/NĐ-CP)`,
    audience: 'cac_ben',
    issuer: 'co_quan_chu_quan',
    typeCode: 'BB',
  },
  nd155_m14a_tam_dinh_chi: decisionInfo('nd155_m14a_tam_dinh_chi', 'Quyết định về việc tạm đình chỉ giải quyết khiếu nại', 'Mẫu số 14a', ND155),
  nd155_m14a_dinh_chi: decisionInfo('nd155_m14a_dinh_chi', 'Quyết định về việc đình chỉ giải quyết khiếu nại', 'Mẫu số 14a', ND155),
  nd155_m14b_tiep_tuc: decisionInfo('nd155_m14b_tiep_tuc', 'Quyết định về việc tiếp tục giải quyết khiếu nại', 'Mẫu số 14b', ND155),
  kn2011_dinh_chi: decisionInfo('kn2011_dinh_chi', 'Quyết định về việc đình chỉ giải quyết khiếu nại', null, 'Điều 10 Luật Khiếu nại 2011 (số mẫu chưa được xác minh)'),
  tc_tam_dinh_chi: decisionInfo('tc_tam_dinh_chi', 'Quyết định về việc tạm đình chỉ việc giải quyết tố cáo', null, TC_34),
  tc_dinh_chi: decisionInfo('tc_dinh_chi', 'Quyết định về việc đình chỉ việc giải quyết tố cáo', null, TC_34),
  tc_tiep_tuc: decisionInfo('tc_tiep_tuc', 'Quyết định về việc tiếp tục giải quyết tố cáo', null, TC_34),
  tc_gia_han: decisionInfo('tc_gia_han', 'Quyết định về việc gia hạn giải quyết tố cáo', null, 'Điều 30 Luật Tố cáo (số mẫu chưa được xác minh)'),
}

// ----- shared pieces ----------------------------------------------------------------------------

const eventOf = (f: Facts): ResolutionDocEvent => {
  if (!f.event) throw new Error('a resolution document needs its event')
  return f.event
}

const isDenunciation = (f: Facts) => f.letter.contentType === 'to_cao'
const nounOf = (f: Facts) => (isDenunciation(f) ? 'tố cáo' : 'khiếu nại')

/** "khiếu nại của ông (bà) Đặng Văn Đức (mã số đơn K7M2-Q9XD), thụ lý giải quyết lần đầu ngày 02/7/2026". */
function caseWords(f: Facts, e: ResolutionDocEvent): string {
  if (isDenunciation(f)) {
    const against = respondentText(f)
    return `tố cáo (mã số đơn ${f.code})${against ? ` đối với ${against}` : ''}, thụ lý giải quyết ngày ${vnDateShort(e.acceptedOn)}`
  }
  return `khiếu nại của ${f.sender.inSentence}${othersPhrase(f)} (mã số đơn ${f.code}), thụ lý giải quyết ${roundOf(f)} ngày ${vnDateShort(e.acceptedOn)}`
}

const aboutWords = (f: Facts): string | null => (isDenunciation(f) ? actOf(f) : summaryOf(f))

/** "Lý do: <the ground as the law words it>. Cụ thể: <the facts as the officer typed them>." */
const reasonLines = (e: ResolutionDocEvent): DocParagraph[] => {
  if (!e.ground) return [p(`Lý do: ${e.reason ? clause(e.reason) : '…'}`)]
  return [p(`Lý do: ${clause(e.ground.label)}${e.reason ? `. Cụ thể: ${clause(e.reason)}` : ''}`)]
}

// ----- the written complexity determination --------------------------------------------------------

const xacDinhPhucTap: Writer = (f, _t) => {
  const e = eventOf(f)
  const about = aboutWords(f)
  return {
    titleLines: ['VĂN BẢN XÁC ĐỊNH', 'Vụ việc khiếu nại phức tạp'],
    subject: null,
    addressees: [],
    legalBasis: basis(f.cite('luat_khieu_nai'), f.cite('nd_khieu_nai')),
    body: [
      p(`Xét ${caseWords(f, e)}${about ? `, về việc: ${about}` : ''}`),
      p('Đối chiếu với các tiêu chí quy định tại Điều 3a Nghị định số 124/2020/NĐ-CP (bổ sung bởi Nghị định số 155/2026/NĐ-CP), vụ việc có các tình tiết sau đây:'),
      ...items(e.criteria.map((c) => `Điểm ${c.point}: ${c.label}`)),
      ...(e.reason ? [p(`Nhận định: ${e.reason}`)] : []),
      p(
        `Kết luận: vụ việc nêu trên là vụ việc khiếu nại phức tạp; thời hạn giải quyết ${roundOf(f)} là ${e.dueDays ?? '…'} ngày kể từ ngày thụ lý${e.dueDate ? `, đến hết ngày ${vnDateShort(e.dueDate)}` : ''} (không kể thời gian tạm đình chỉ giải quyết, nếu có)`,
      ),
      p(`Người xác định: ${e.decidedBy ?? '…'}. Văn bản này được lưu trong hồ sơ giải quyết khiếu nại`),
    ],
    recipients: ['Hồ sơ giải quyết khiếu nại;', filed],
    signers: [{ lines: ['NGƯỜI XÁC ĐỊNH'], name: e.decidedBy }],
    addresseeAgencyCode: null,
  }
}

// ----- the dialogue minutes (Mẫu 14) ----------------------------------------------------------------

const ATTENDANCE_WORDS: Record<DialogueData['attendance'], string> = {
  co_mat: 'có mặt',
  vang_co_ly_do: 'vắng mặt có lý do',
  vang_khong_ly_do: 'vắng mặt không có lý do',
}

/** Mẫu 14: who took part, what was said, and — NĐ 155/2026 — whether an absence had a reason. */
const bienBanDoiThoai =
  (reform: boolean): Writer =>
  (f, _t) => {
    const e = eventOf(f)
    const d = e.dialogue
    if (!d) throw new Error('dialogue minutes need the dialogue')
    const absent = d.attendance !== 'co_mat'
    const body: DocParagraph[] = [
      p(`Vào ${vnDateWords(e.date)}, tại ${d.place ? clause(d.place) : '…'}, ${f.homeName} tổ chức đối thoại về việc giải quyết ${caseWords(f, e)}`),
      p('I. Thành phần tham gia đối thoại:'),
      item(`Người chủ trì: ${d.chairedBy}`),
      ...d.participants.map((x) => item(x)),
      { text: `- Người khiếu nại: ${f.sender.inSentence} (${ATTENDANCE_WORDS[d.attendance]}${d.absenceReason ? `: ${clause(d.absenceReason)}` : ''}).`, item: true },
      p('II. Nội dung đối thoại:'),
    ]
    const about = summaryOf(f)
    if (about) body.push(p(`Nội dung khiếu nại: ${about}`))
    if (f.letter.request?.trim()) body.push(p(`Yêu cầu của người khiếu nại: ${clause(f.letter.request)}`))
    body.push(...d.summary.split(/\r?\n/u).map((l) => l.trim()).filter(Boolean).map((l) => p(l)))
    if (reform && d.attendance === 'vang_khong_ly_do') {
      body.push(
        p(
          'Người khiếu nại đã được mời tham gia đối thoại nhưng vắng mặt không có lý do; người giải quyết khiếu nại tiếp tục giải quyết khiếu nại theo quy định (khoản 6 Điều 30 Luật Khiếu nại, bổ sung bởi Luật số 136/2025/QH15; Điều 28 Nghị định số 124/2020/NĐ-CP, sửa đổi bởi Nghị định số 155/2026/NĐ-CP)',
        ),
      )
    }
    body.push(p('Biên bản được lập xong vào hồi … giờ … cùng ngày, đã đọc lại cho những người tham gia đối thoại cùng nghe và ký tên dưới đây; được lập thành … bản, mỗi bên giữ 01 bản'))
    return {
      titleLines: ['BIÊN BẢN', `Đối thoại giải quyết khiếu nại ${roundOf(f)}`],
      subject: null,
      addressees: [],
      legalBasis: [],
      body,
      recipients: [],
      signers: [
        { lines: ['NGƯỜI KHIẾU NẠI'], name: absent ? null : (namedSenders(f.letter)[0]?.name?.trim() ?? null) },
        { lines: ['NGƯỜI CHỦ TRÌ ĐỐI THOẠI'], name: d.chairedBy },
      ],
      addresseeAgencyCode: null,
    }
  }

// ----- the decisions (Mẫu 14a, 14b; Luật Tố cáo Art. 34) --------------------------------------------

type Decision = 'tam_dinh_chi' | 'dinh_chi' | 'tiep_tuc'
const VERB: Record<Decision, string> = { tam_dinh_chi: 'tạm đình chỉ', dinh_chi: 'đình chỉ', tiep_tuc: 'tiếp tục' }

function lawKeys(f: Facts): ['luat_khieu_nai', 'nd_khieu_nai'] | ['luat_to_cao', 'nd_to_cao'] {
  return isDenunciation(f) ? ['luat_to_cao', 'nd_to_cao'] : ['luat_khieu_nai', 'nd_khieu_nai']
}

/** Điều 2 of each decision: what happens to the clock, and to withdrawn content. */
function effectArticle(f: Facts, e: ResolutionDocEvent, kind: Decision, reform: boolean): string {
  const noun = nounOf(f)
  if (kind === 'tam_dinh_chi') {
    return isDenunciation(f)
      ? `Điều 2. Thời gian tạm đình chỉ không tính vào thời hạn giải quyết tố cáo. Việc giải quyết tố cáo được tiếp tục khi lý do tạm đình chỉ không còn`
      : `Điều 2. Thời gian tạm đình chỉ không tính vào thời hạn giải quyết khiếu nại. Thời hạn giải quyết khiếu nại tiếp tục được tính từ ngày ban hành quyết định tiếp tục giải quyết khiếu nại`
  }
  if (kind === 'tiep_tuc') {
    return `Điều 2. Thời hạn giải quyết ${noun} tiếp tục được tính từ ngày ban hành Quyết định này${e.dueDate ? `; hạn giải quyết ${noun} là ngày ${vnDateShort(e.dueDate)}` : ''}`
  }
  if (e.ground?.withdrawal && !isDenunciation(f) && reform) {
    return 'Điều 2. Nội dung khiếu nại đã rút không được xem xét, giải quyết lại, trừ trường hợp việc rút khiếu nại do bị đe dọa, ép buộc'
  }
  return `Điều 2. Chấm dứt việc giải quyết ${noun} nêu tại Điều 1 kể từ ngày ký Quyết định này`
}

const decisionWriter =
  (kind: Decision, reform: boolean): Writer =>
  (f, _t) => {
    const e = eventOf(f)
    const noun = nounOf(f)
    const [law, decree] = lawKeys(f)
    const about = aboutWords(f)
    const body: DocParagraph[] = [p(`Xét ${caseWords(f, e)}${about ? `, về việc: ${about}` : ''}`)]
    if (e.withdrawal) {
      const how = e.withdrawal.form === 'bien_ban' ? 'biên bản ghi nhận việc rút' : 'đơn rút'
      body.push(p(`Ngày ${vnDateShort(e.withdrawal.date)}, người ${noun} có ${how} toàn bộ ${noun}, có chữ ký hoặc điểm chỉ của người ${noun}`))
    }
    if (kind === 'tiep_tuc' && e.suspendedOn) body.push(p(`Việc giải quyết ${noun} đã bị tạm đình chỉ từ ngày ${vnDateShort(e.suspendedOn)}`))
    body.push(
      p('QUYẾT ĐỊNH:'),
      p(
        kind === 'tiep_tuc'
          ? `Điều 1. Tiếp tục giải quyết ${caseWords(f, e)}, kể từ ngày ${vnDateShort(e.date)}`
          : `Điều 1. ${capitalise(VERB[kind])} việc giải quyết ${caseWords(f, e)}, kể từ ngày ${vnDateShort(e.date)}`,
      ),
      ...reasonLines(e),
      p(effectArticle(f, e, kind, reform)),
      p(
        isDenunciation(f)
          ? 'Điều 3. Người tố cáo, người bị tố cáo và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này'
          : `Điều 3. ${capitalise(f.sender.inSentence)}, người bị khiếu nại và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này`,
      ),
    )
    const recipients = ['Như Điều 3;']
    if (e.ground?.notifiesCommune) recipients.push('Ủy ban nhân dân cấp xã nơi người khiếu nại cư trú cuối cùng (nơi cơ quan, tổ chức khiếu nại đặt trụ sở);')
    if (f.inspectorate) recipients.push(`${f.inspectorate.name};`)
    recipients.push(filed)
    return {
      titleLines: ['QUYẾT ĐỊNH', `Về việc ${VERB[kind]} giải quyết ${noun}`, upper(f.homeHead)],
      subject: null,
      addressees: [],
      legalBasis: basis(f.cite(law), f.cite(decree), ...(e.ground ? [e.ground.basis] : []), `hồ sơ giải quyết ${noun} mã số đơn ${f.code}`),
      body,
      recipients,
      signers: homeSigner(f),
      addresseeAgencyCode: null,
    }
  }

// ----- extending a denunciation's resolution (Luật Tố cáo Art. 30) ---------------------------------

const giaHanToCao: Writer = (f, _t) => {
  const e = eventOf(f)
  const x = e.extension
  if (!x) throw new Error('an extension decision needs the extension')
  const about = aboutWords(f)
  return {
    titleLines: ['QUYẾT ĐỊNH', 'Về việc gia hạn giải quyết tố cáo', upper(f.homeHead)],
    subject: null,
    addressees: [],
    legalBasis: basis(f.cite('luat_to_cao'), f.cite('nd_to_cao'), 'Điều 30 Luật Tố cáo', `hồ sơ giải quyết tố cáo mã số đơn ${f.code}`),
    body: [
      p(`Xét ${caseWords(f, e)}${about ? `, về việc: ${about}` : ''}`),
      p('QUYẾT ĐỊNH:'),
      p(
        `Điều 1. Gia hạn giải quyết ${caseWords(f, e)}, thêm ${x.days} ngày${e.dueDate ? `; thời hạn giải quyết tố cáo đến hết ngày ${vnDateShort(e.dueDate)}` : ''} (gia hạn lần ${x.count === 1 ? 'thứ nhất' : 'thứ hai'})`,
      ),
      p(`Lý do gia hạn: ${e.reason ? clause(e.reason) : '…'}`),
      p('Điều 2. Quyết định này được gửi đến người tố cáo, người bị tố cáo và các cơ quan, tổ chức, cá nhân có liên quan'),
      p('Điều 3. Người tố cáo, người bị tố cáo và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này'),
    ],
    recipients: ['Như Điều 3;', ...(f.inspectorate ? [`${f.inspectorate.name};`] : []), filed],
    signers: homeSigner(f),
    addresseeAgencyCode: null,
  }
}

export const RESOLUTION_WRITERS: Record<ResolutionTemplateId, Writer> = {
  nd155_xac_dinh_phuc_tap: xacDinhPhucTap,
  nd124_m14_bien_ban_doi_thoai: bienBanDoiThoai(false),
  nd155_m14_bien_ban_doi_thoai: bienBanDoiThoai(true),
  nd155_m14a_tam_dinh_chi: decisionWriter('tam_dinh_chi', true),
  nd155_m14a_dinh_chi: decisionWriter('dinh_chi', true),
  nd155_m14b_tiep_tuc: decisionWriter('tiep_tuc', true),
  kn2011_dinh_chi: decisionWriter('dinh_chi', false),
  tc_tam_dinh_chi: decisionWriter('tam_dinh_chi', true),
  tc_dinh_chi: decisionWriter('dinh_chi', true),
  tc_tiep_tuc: decisionWriter('tiep_tuc', true),
  tc_gia_han: giaHanToCao,
}
