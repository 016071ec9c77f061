/**
 * What a letter's case page shows to one viewer: the letter as `letterForViewer` gives it (a
 * denouncer's identity only to the roles allowed, every view logged), its forwardings, the
 * deadlines judged today, and, for the board, its matter's other letters and visits.
 *
 * Deadlines:
 *   - handling (the letter's due date, D1/D2/D8/D9 by outcome);
 *   - resolution after acceptance, for an accepted complaint (D3, D4 on a second complaint) or
 *     denunciation (D11), counted from the day the acceptance was decided in pakn (the day the
 *     head signs the acceptance notice is usually that day or the next: the page says so),
 *     without the suspended spans and "tạm dừng" while suspended (src/http/resolution.ts);
 *   - the sending of a suspension, termination or resumption decision (D18, D14) while due;
 *   - the D16 escalation for letters received from 2026-07-01 still not handled after 45 days.
 */
import { vnDateOf } from '../domain/calendar.ts'
import { OUTCOMES, codesOf } from '../domain/codes.ts'
import { d16Escalation, deadlineRow, resolutionDueDate } from '../domain/deadlines.ts'
import type { DeadlineRuleId } from '../domain/deadline-table.ts'
import { followUpProblem } from '../domain/forwarding.ts'
import { can } from '../domain/permissions.ts'
import { calendarOf, type Settings } from '../domain/settings.ts'
import type { Db } from '../db/db.ts'
import { forwardingsOfLetter, overdue } from '../db/forwardings.ts'
import { codesOfLetters, peopleOfLetters, type StoredLetter } from '../db/letters.ts'
import { getMatter, lettersOfMatter, visitsOfMatter } from '../db/matters.ts'
import type { CaseDeadline, CaseProps, DecisionFormState } from '../../views/pages/letters/CasePage.tsx'
import { agencyChoices, areaChoices } from './agency-choices.ts'
import type { CurrentUser } from './env.ts'
import { dueSoonLimit } from './letter-queue.ts'
import { letterForViewer, mayViewIdentity, rulesContext } from './letters.ts'
import { resolutionCaseOf, resolutionView, type ResolutionView } from './resolution.ts'
import { CITIZEN_FORM_KINDS, CITIZEN_FORM_LABELS, CITIZEN_FORM_SLUGS } from '../domain/citizen-forms.ts'
import type { ResolutionFormState, ResolutionSectionProps } from '../../views/pages/letters/ResolutionSection.tsx'

const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

export function caseDeadlines(stored: StoredLetter, settings: Settings, today: string, resolution: ResolutionView | null = null): CaseDeadline[] {
  const calendar = calendarOf(settings)
  const soon = dueSoonLimit(today, calendar)
  const decided = stored.decidedAt !== null
  const decidedOn = stored.decidedAt ? vnDateOf(new Date(stored.decidedAt)) : null
  const judge = (date: string | null, done: boolean): CaseDeadline['state'] =>
    done ? 'xong' : date === null ? 'cho' : date < today ? 'qua_han' : date <= soon ? 'sap_den_han' : 'cho'
  const out: CaseDeadline[] = []
  const rule = stored.deadlineRule as DeadlineRuleId | null
  out.push({
    id: 'xu-ly',
    label: 'Hạn xử lý đơn',
    date: stored.dueDate,
    rule,
    basis: rule ? (deadlineRow(settings.deadlines, rule, 'thuong', stored.letter.receivedAt)?.basis ?? null) : null,
    state: judge(stored.dueDate, decided),
    note: decidedOn ? `Đã quyết định ngày ${viDate(decidedOn)}.` : null,
  })
  const type = stored.letter.contentType
  if (resolution) {
    const d = resolution.deadline
    out.push({
      id: 'giai-quyet',
      label: type === 'khieu_nai' ? 'Hạn giải quyết khiếu nại' : 'Hạn giải quyết tố cáo',
      date: d.dueDate,
      rule: d.deadlineRule,
      basis: d.basis,
      state: judge(d.dueDate, d.closedOn !== null),
      paused: d.paused,
      note: d.paused
        ? `Tạm dừng: tạm đình chỉ giải quyết từ ngày ${viDate(d.suspendedSince ?? resolution.acceptedOn)}.`
        : d.closedOn && resolution.status === 'da_dinh_chi'
          ? `Đã đình chỉ giải quyết ngày ${viDate(d.closedOn)}.`
          : `Tính từ ngày quyết định thụ lý (${viDate(resolution.acceptedOn)})${d.pauses.length > 0 ? ', không kể thời gian tạm đình chỉ' : ''}${d.complex ? '; vụ việc phức tạp' : ''}.`,
    })
    for (const s of resolution.pendingSends) {
      out.push({
        id: `gui-${s.eventId}`,
        label: s.kind === 'tiep_tuc' ? 'Hạn gửi quyết định tiếp tục giải quyết' : s.kind === 'dinh_chi' ? 'Hạn gửi quyết định đình chỉ' : 'Hạn gửi quyết định tạm đình chỉ',
        date: s.sendBy,
        rule: type === 'khieu_nai' ? 'D18' : 'D14',
        basis: deadlineRow(settings.deadlines, type === 'khieu_nai' ? 'D18' : 'D14', 'thuong', s.sendBy)?.basis ?? null,
        state: judge(s.sendBy, false),
        note: null,
      })
    }
  } else if (stored.outcome === 'thu_ly' && decidedOn && (type === 'khieu_nai' || type === 'to_cao')) {
    const r = resolutionDueDate({
      contentType: type,
      acceptedAt: decidedOn,
      complaintRound: stored.letter.complaintRound ?? null,
      complex: stored.letter.complex ?? null,
      remoteArea: stored.letter.remoteArea ?? null,
      rules: settings.deadlines,
      calendar,
    })
    out.push({
      id: 'giai-quyet',
      label: type === 'khieu_nai' ? 'Hạn giải quyết khiếu nại' : 'Hạn giải quyết tố cáo',
      date: r.dueDate,
      rule: r.deadlineRule,
      basis: r.row?.basis ?? null,
      state: judge(r.dueDate, stored.resolvedAt !== null),
      note: `Tính từ ngày quyết định thụ lý (${viDate(decidedOn)}).`,
    })
  }
  const escalation = d16Escalation(stored.letter.receivedAt, settings.deadlines, calendar)
  if (escalation) {
    const late = !decided && escalation < today
    out.push({
      id: 'canh-bao-45',
      label: 'Cảnh báo 45 ngày chưa xử lý',
      date: escalation,
      rule: 'D16',
      basis: 'Điểm b khoản 3 Điều 41 Nghị định 154/2026/NĐ-CP',
      state: judge(escalation, decided),
      note: late ? 'Đơn chưa được xử lý quá 45 ngày: trách nhiệm của người đứng đầu.' : null,
    })
  }
  return out
}

export const emptyDecisionForm = (): DecisionFormState => ({ values: { outcome: '', competentAgencyCode: '', note: '' }, errors: {}, message: null, open: false })

/** The case page's props for this viewer; logs the view of a denouncer's identity. */
export async function caseProps(
  db: Db,
  stored: StoredLetter,
  user: CurrentUser,
  now: Date,
  extra: { decision?: DecisionFormState; resolution?: ResolutionFormState; flash?: string | null; notice?: string | null } = {},
): Promise<CaseProps> {
  const today = vnDateOf(now)
  const board = can(user.roles, 'view_letters')
  const [view, ctx, people] = await Promise.all([letterForViewer(db, stored, user, now), rulesContext(db), peopleOfLetters(db, [stored.id])])
  const names = new Map(ctx.agencies.map((a) => [a.code, a.name]))
  const areas = new Map(areaChoices(ctx.agencies).map((a) => [a.value, a.label]))
  // an agency's user sees only what was sent to its own agency
  const forwardings = await forwardingsOfLetter(db, stored.id, board ? null : user.agencyCode)
  let matter: CaseProps['matter'] = null
  let duplicateOfCode: string | null = null
  if (board && stored.matterId) {
    const [m, letters, visits] = await Promise.all([getMatter(db, stored.matterId), lettersOfMatter(db, stored.matterId), visitsOfMatter(db, stored.matterId)])
    if (m) matter = { id: m.id, code: m.code, letters, visits }
  }
  if (board && stored.duplicateOf) duplicateOfCode = (await codesOfLetters(db, [stored.duplicateOf])).get(stored.duplicateOf) ?? null
  // the resolution file is the board's (an agency sees the letter it was sent, not this)
  const accepted = board ? await resolutionCaseOf(db, stored) : null
  const resolution = accepted?.ok ? resolutionView(stored, accepted.value, ctx.settings, today, mayViewIdentity(user, stored.letter)) : null
  const resolutionSection: ResolutionSectionProps | null = resolution
    ? {
        letterId: stored.id,
        version: stored.version,
        view: resolution,
        canRecord: can(user.roles, 'decide_letter'),
        form: extra.resolution ?? null,
        today: viDate(today),
        documentTitles: Object.fromEntries(view.documents.map((d) => [d.id, d.title])),
      }
    : null
  return {
    letter: view,
    agencyName: (code) => (code ? (names.get(code) ?? code) : null),
    areaName: (code) => (code ? (areas.get(code) ?? null) : null),
    registeredBy: board ? (people.get(stored.id)?.registeredByName ?? null) : null,
    duplicateOfCode,
    viewer: { canDecide: can(user.roles, 'decide_letter'), boardView: board, canFollowUp: can(user.roles, 'send_follow_up') },
    deadlines: caseDeadlines(stored, ctx.settings, today, resolution),
    resolution: resolutionSection,
    // printed for a complainant who cannot write the letter (NĐ 154/2026 Art. 14), to read back and sign
    citizenForms:
      stored.letter.contentType === 'khieu_nai' && can(user.roles, 'register_letter')
        ? CITIZEN_FORM_KINDS.map((kind) => ({ href: `/can-bo/don/${stored.id}/mau/${CITIZEN_FORM_SLUGS[kind]}`, label: CITIZEN_FORM_LABELS[kind] }))
        : [],
    forwardings: forwardings.map((f) => ({
      ...f,
      overdue: overdue(f, today),
      followUpProblem: followUpProblem(f, today) ?? (f.letterStatus === 'cho_phuc_dap' && f.letterCompetentAgencyCode === f.agencyCode ? null : 'Không còn chờ phúc đáp.'),
    })),
    matter,
    decision: extra.decision ?? emptyDecisionForm(),
    options: {
      outcomes: codesOf(OUTCOMES).map((o) => ({ value: o, label: OUTCOMES[o] })),
      agencies: agencyChoices(ctx.agencies, today),
    },
    flash: extra.flash ?? null,
    notice: extra.notice ?? null,
  }
}
