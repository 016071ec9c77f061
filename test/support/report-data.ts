/**
 * Report datasets for tests: letters, visits and replies described as plain specs, written
 * straight into the test database (every CHECK constraint holds), and an oracle that counts the
 * specs with straightforward JavaScript — independent of src/domain/tallies.ts and its SQL.
 */
import fc from 'fast-check'
import type BetterSqlite3 from 'better-sqlite3'
import type { Channel, ContentType, Outcome, SignerGroup } from '../../src/domain/codes.ts'

export const AGENCIES = ['UBND_TINH', 'SO_NNMT', 'SO_YT', 'UBND_XA_SON_TAY', 'UBND_PHUONG_CAM_THANH'] as const
const WITHIN: Outcome[] = ['thu_ly', 'khong_thu_ly', 'kiem_tra']
const OUTSIDE: Outcome[] = ['huong_dan', 'chuyen_don', 'don_doc']
const INELIGIBLE: Outcome[] = ['luu_don', 'tach_don']
export const CHANNEL_LIST: Channel[] = ['truc_tiep', 'buu_chinh', 'hop_thu', 'truc_tuyen', 'duong_day_nong', 'cong_dvc_quoc_gia', 'lanh_dao_chuyen', 'dai_bieu_chuyen', 'bao_chi_chuyen', 'co_quan_chuyen']

export interface LetterSpec {
  receivedAt: string
  track: 'don_thu' | 'quy_dinh_hanh_chinh'
  channel: Channel
  contentType: ContentType
  /** First listed content of a several-content letter. */
  firstContent?: 'khieu_nai' | 'to_cao' | 'kien_nghi_phan_anh' | null
  signerGroup: SignerGroup
  /** UTC instant of the decision, and its outcome; null = undecided. */
  decision: { at: string; outcome: Outcome } | null
  resolvedAt?: string | null
  /** Letters with the same key share a matter; null = no matter. */
  matter?: string | null
  agency?: string | null
  field?: string | null
  dueDate?: string | null
  priorRound?: number | null
  complaintRound?: 1 | 2 | null
  concluded?: boolean
  /** A forwarding of this letter and its reply date (Vietnam date). */
  reply?: { kind: 'chuyen_don' | 'don_doc' | 'huong_dan'; sentOn: string; repliedOn: string | null } | null
}

export interface VisitSpec {
  date: string
  kind: 'thuong_xuyen' | 'dinh_ky' | 'dot_xuat'
  persons: number
  matter: string
  /** Leader (dinh_ky / dot_xuat): one session per host and date. */
  host?: string
  delegated?: boolean
}

let counter = 0
const uid = (prefix: string) => `${prefix}${(++counter).toString(36).padStart(6, '0')}${Math.random().toString(36).slice(2, 6)}`

const eligibleOf = (o: Outcome) => (INELIGIBLE.includes(o) ? 0 : 1)
const withinOf = (o: Outcome) => (WITHIN.includes(o) ? 1 : 0)

/** Writes letters, their matters and forwardings. */
export function insertLetters(sqlite: BetterSqlite3.Database, letters: readonly LetterSpec[]) {
  const matterIds = new Map<string, string>()
  const insertMatter = sqlite.prepare(
    "INSERT INTO matters (id, code, content_type, opened_on, created_at) VALUES (?, ?, ?, ?, '2020-01-01T00:00:00.000Z')",
  )
  const insertLetter = sqlite.prepare(`INSERT INTO letters (id, code, track, received_at, channel, content_type, field, facts, signer_group, sender_count, suggestion, suggested_outcome,
    status, outcome, eligible, within_competence, competent_agency_code, deadline_rule, due_date, matter_id, search_text, created_at, decided_at, sent_at, resolved_at, updated_at)
    VALUES (@id, @code, @track, @received_at, @channel, @content_type, @field, @facts, @signer_group, 1, '{}', 'luu_don',
    @status, @outcome, @eligible, @within, @agency, 'D1', @due_date, @matter_id, '', '2020-01-01T00:00:00.000Z', @decided_at, @sent_at, @resolved_at, '2020-01-01T00:00:00.000Z')`)
  const insertForwarding = sqlite.prepare(
    "INSERT INTO forwardings (id, letter_id, agency_code, kind, sent_on, replied_on, reply_result, reply_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  )
  const ids: string[] = []
  sqlite.transaction(() => {
    for (const l of letters) {
      let matterId: string | null = null
      if (l.matter) {
        matterId = matterIds.get(l.matter) ?? null
        if (!matterId) {
          matterId = uid('m')
          matterIds.set(l.matter, matterId)
          insertMatter.run(matterId, uid('M').toUpperCase(), l.contentType, l.receivedAt)
        }
      }
      const id = uid('l')
      ids.push(id)
      const facts: Record<string, unknown> = { receivedAt: l.receivedAt, channel: l.channel, contentType: l.contentType }
      if (l.firstContent) facts.contents = [{ contentType: l.firstContent, summary: 'x' }, { contentType: 'kien_nghi_phan_anh', summary: 'y' }]
      if (l.priorRound) facts.priorResolution = { round: l.priorRound, effective: false }
      if (l.complaintRound) facts.complaintRound = l.complaintRound
      if (l.concluded) facts.concluded = true
      const d = l.decision
      const sends = d !== null && (d.outcome === 'chuyen_don' || d.outcome === 'don_doc')
      insertLetter.run({
        id,
        code: uid('C').toUpperCase().slice(0, 12),
        track: l.track,
        received_at: l.receivedAt,
        channel: l.channel,
        content_type: l.contentType,
        field: l.field ?? null,
        facts: JSON.stringify(facts),
        signer_group: l.signerGroup,
        status: d === null ? 'moi' : sends ? 'cho_phuc_dap' : 'da_xu_ly',
        outcome: d?.outcome ?? null,
        eligible: d ? eligibleOf(d.outcome) : null,
        within: d ? withinOf(d.outcome) : null,
        agency: l.agency ?? null,
        due_date: l.dueDate ?? null,
        matter_id: matterId,
        decided_at: d?.at ?? null,
        sent_at: sends ? d!.at : null,
        resolved_at: l.resolvedAt ?? null,
      })
      if (l.reply) {
        insertForwarding.run(uid('f'), id, l.agency ?? 'SO_NNMT', l.reply.kind, l.reply.sentOn, l.reply.repliedOn, l.reply.repliedOn ? 'Đã giải quyết' : null, l.reply.repliedOn ? '12/BC' : null)
      }
    }
  })()
  return ids
}

/** Writes visits, their matters and leaders' sessions. */
export function insertVisits(sqlite: BetterSqlite3.Database, visits: readonly VisitSpec[]) {
  const matterIds = new Map<string, string>()
  const sessions = new Map<string, string>()
  const insertMatter = sqlite.prepare(
    "INSERT INTO matters (id, code, content_type, opened_on, created_at) VALUES (?, ?, 'khieu_nai', ?, '2020-01-01T00:00:00.000Z')",
  )
  const insertSession = sqlite.prepare(
    "INSERT INTO reception_sessions (id, date, kind, host_name, host_folded, delegated, created_at) VALUES (?, ?, ?, ?, ?, ?, '2020-01-01T00:00:00.000Z')",
  )
  const insertVisit = sqlite.prepare(
    "INSERT INTO receptions (id, date, kind, session_id, host_name, persons, matter_id, content_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'khieu_nai', '2020-01-01T00:00:00.000Z')",
  )
  sqlite.transaction(() => {
    for (const v of visits) {
      let matterId = matterIds.get(v.matter)
      if (!matterId) {
        matterId = uid('m')
        matterIds.set(v.matter, matterId)
        insertMatter.run(matterId, uid('V').toUpperCase(), v.date)
      }
      let sessionId: string | null = null
      if (v.kind !== 'thuong_xuyen') {
        const host = v.host ?? 'Lãnh đạo'
        const key = `${v.date}|${host.toLowerCase()}`
        sessionId = sessions.get(key) ?? null
        if (!sessionId) {
          sessionId = uid('s')
          sessions.set(key, sessionId)
          insertSession.run(sessionId, v.date, v.kind, host, host.toLowerCase(), v.delegated ? 1 : 0)
        }
      }
      insertVisit.run(uid('r'), v.date, v.kind, sessionId, v.host ?? null, v.persons, matterId)
    }
  })()
}

// ----- the oracle --------------------------------------------------------------------------------

/** The Vietnam date of a UTC instant. */
export const vnDay = (instant: string) => new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10)

export function oracle(letters: readonly LetterSpec[], visits: readonly VisitSpec[], w: { from: string; to: string }, threshold = 5, agency: string | null = null) {
  const decidedBy = (l: LetterSpec) => l.decision !== null && vnDay(l.decision.at) <= w.to
  const inWindow = (d: string) => w.from <= d && d <= w.to
  const mine = letters.filter((l) => agency === null || l.agency === agency)
  const received = mine.filter((l) => l.track === 'don_thu' && inWindow(l.receivedAt))
  const carried = mine.filter((l) => l.track === 'don_thu' && l.receivedAt < w.from && (l.decision === null || vnDay(l.decision.at) >= w.from))
  const count = (xs: readonly LetterSpec[], f: (l: LetterSpec) => boolean) => xs.filter(f).length
  const outcomeIs = (...os: Outcome[]) => (l: LetterSpec) => decidedBy(l) && os.includes(l.decision!.outcome)
  const eligible = outcomeIs(...WITHIN, ...OUTSIDE)
  const countedAs = (l: LetterSpec) => (l.contentType !== 'nhieu_noi_dung' ? l.contentType : l.firstContent === 'khieu_nai' || l.firstContent === 'to_cao' ? l.firstContent : 'kien_nghi_phan_anh')
  const regulation = mine.filter((l) => l.track === 'quy_dinh_hanh_chinh' && inWindow(l.receivedAt))
  const byChannel = (...cs: Channel[]) => count(regulation, (l) => cs.includes(l.channel))

  const visitsIn = visits.filter((v) => inWindow(v.date))
  const firstEver = new Map<string, string>()
  for (const v of visits) if (!firstEver.has(v.matter) || v.date < firstEver.get(v.matter)!) firstEver.set(v.matter, v.date)
  const distinct = (xs: readonly VisitSpec[]) => new Set(xs.map((v) => v.matter)).size
  const regular = visitsIn.filter((v) => v.kind === 'thuong_xuyen')
  const leaders = visitsIn.filter((v) => v.kind !== 'thuong_xuyen')
  const persons = (xs: readonly VisitSpec[]) => xs.reduce((a, v) => a + v.persons, 0)
  const replies = letters.filter((l) => l.track === 'don_thu' && (agency === null || l.agency === agency) && l.reply?.repliedOn && inWindow(l.reply.repliedOn))

  return {
    tiepCongDan: {
      luot: visitsIn.length,
      nguoi: persons(visitsIn),
      vuViec: distinct(visitsIn),
      vuViecLanDau: new Set(visitsIn.filter((v) => firstEver.get(v.matter)! >= w.from).map((v) => v.matter)).size,
      vuViecNhieuLan: new Set(visitsIn.filter((v) => firstEver.get(v.matter)! < w.from).map((v) => v.matter)).size,
      doanDongNguoi: { doan: visitsIn.filter((v) => v.persons >= threshold).length, nguoi: persons(visitsIn.filter((v) => v.persons >= threshold)) },
      thuongXuyen: { luot: regular.length, nguoi: persons(regular), doanDongNguoi: regular.filter((v) => v.persons >= threshold).length },
      dinhKyDotXuat: { ky: new Set(leaders.map((v) => `${v.date}|${(v.host ?? 'Lãnh đạo').toLowerCase()}`)).size, luot: leaders.length, nguoi: persons(leaders) },
    },
    donThu: {
      tong: received.length,
      nhieuNguoiDungTen: count(received, (l) => l.signerGroup === 'nhieu_nguoi'),
      motNguoiDungTen: count(received, (l) => l.signerGroup === 'mot_nguoi'),
      khac: count(received, (l) => l.signerGroup === 'khac'),
      daXuLy: count(received, decidedBy),
      duDieuKien: count(received, eligible),
      khieuNai: count(received, (l) => eligible(l) && countedAs(l) === 'khieu_nai'),
      toCao: count(received, (l) => eligible(l) && countedAs(l) === 'to_cao'),
      kienNghiPhanAnh: count(received, (l) => eligible(l) && countedAs(l) === 'kien_nghi_phan_anh'),
      thuocThamQuyen: count(received, outcomeIs(...WITHIN)),
      thuLy: count(received, outcomeIs('thu_ly')),
      khongThuLy: count(received, outcomeIs('khong_thu_ly')),
      kiemTra: count(received, outcomeIs('kiem_tra')),
      khongThuocThamQuyen: count(received, outcomeIs(...OUTSIDE)),
      huongDan: count(received, outcomeIs('huong_dan')),
      chuyenDon: count(received, outcomeIs('chuyen_don')),
      donDoc: count(received, outcomeIs('don_doc')),
      luuDon: count(received, outcomeIs('luu_don')),
      tachDon: count(received, outcomeIs('tach_don')),
    },
    paknHanhChinh: {
      tong: regulation.length,
      donThu: byChannel('buu_chinh', 'hop_thu', 'lanh_dao_chuyen', 'dai_bieu_chuyen', 'bao_chi_chuyen', 'co_quan_chuyen'),
      congDvcQuocGia: byChannel('cong_dvc_quoc_gia'),
      duongDayNong: byChannel('duong_day_nong'),
      trucTiep: byChannel('truc_tiep'),
      daGiaiQuyet: count(regulation, (l) => !!l.resolvedAt && vnDay(l.resolvedAt) <= w.to),
      trucTuyen: byChannel('truc_tuyen'),
    },
    xuLyDon: {
      phaiXuLy: received.length + carried.length,
      kyTruocChuyenSang: carried.length,
      tiepNhanTrongKy: received.length,
      daXuLy: count([...received, ...carried], decidedBy),
      chuaXuLy: count([...received, ...carried], (l) => !decidedBy(l)),
      vanBanPhucDap: replies.length,
    },
  }
}

// ----- generators ----------------------------------------------------------------------------------

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** Days around a window, biased to its edges (where off-by-one mistakes live). */
export const dayAround = (w: { from: string; to: string }) =>
  fc.oneof(
    fc.constantFrom(addDays(w.from, -1), w.from, addDays(w.from, 1), addDays(w.to, -1), w.to, addDays(w.to, 1)),
    fc.integer({ min: -60, max: 200 }).map((n) => addDays(w.from, n)),
  )

/** A UTC instant on or near a Vietnam day, often right at a Vietnam midnight (17:00Z). */
const instantAround = (w: { from: string; to: string }) =>
  fc.tuple(dayAround(w), fc.constantFrom(0, 3_600_000, 16 * 3_600_000, 17 * 3_600_000 - 1, 17 * 3_600_000, 23 * 3_600_000)).map(([date, ms]) =>
    new Date(Date.parse(`${date}T00:00:00Z`) - 7 * 3_600_000 + ms).toISOString(),
  )

export const letterSpec = (w: { from: string; to: string }): fc.Arbitrary<LetterSpec> =>
  fc
    .record({
      receivedAt: dayAround(w),
      track: fc.constantFrom<'don_thu' | 'quy_dinh_hanh_chinh'>('don_thu', 'don_thu', 'don_thu', 'quy_dinh_hanh_chinh'),
      channel: fc.constantFrom(...CHANNEL_LIST),
      contentType: fc.constantFrom<ContentType>('khieu_nai', 'to_cao', 'kien_nghi_phan_anh', 'nhieu_noi_dung'),
      firstContent: fc.constantFrom<LetterSpec['firstContent']>(null, 'khieu_nai', 'to_cao', 'kien_nghi_phan_anh'),
      signerGroup: fc.constantFrom<SignerGroup>('nhieu_nguoi', 'mot_nguoi', 'khac'),
      outcome: fc.option(fc.constantFrom<Outcome>(...WITHIN, ...OUTSIDE, ...INELIGIBLE), { nil: null, freq: 3 }),
      resolved: fc.boolean(),
      matter: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { nil: null, freq: 4 }),
      agency: fc.option(fc.constantFrom(...AGENCIES), { nil: null, freq: 6 }),
      priorRound: fc.constantFrom(null, null, 1, 2, 3),
      complaintRound: fc.constantFrom<1 | 2 | null>(null, 1, 2),
      concluded: fc.boolean(),
      dueOffset: fc.integer({ min: 0, max: 30 }),
      reply: fc.boolean(),
    })
    .chain((r) =>
      fc.tuple(fc.constant(r), instantAround(w), instantAround(w), dayAround(w)).map(([r, decidedAt, resolvedAt, repliedOn]) => {
        const spec: LetterSpec = {
          receivedAt: r.receivedAt,
          track: r.track,
          channel: r.channel,
          contentType: r.track === 'quy_dinh_hanh_chinh' ? 'kien_nghi_phan_anh' : r.contentType,
          firstContent: r.firstContent,
          signerGroup: r.signerGroup,
          decision: r.outcome ? { at: decidedAt, outcome: r.outcome } : null,
          resolvedAt: r.resolved ? resolvedAt : null,
          matter: r.matter,
          agency: r.agency,
          field: 'dat_dai',
          dueDate: new Date(Date.parse(`${r.receivedAt}T00:00:00Z`) + r.dueOffset * 86_400_000).toISOString().slice(0, 10),
          priorRound: r.priorRound,
          complaintRound: r.complaintRound,
          concluded: r.concluded,
        }
        if (r.outcome && (r.outcome === 'chuyen_don' || r.outcome === 'don_doc') && r.reply) {
          const sentOn = vnDay(decidedAt)
          spec.reply = { kind: r.outcome, sentOn, repliedOn: repliedOn < sentOn ? sentOn : repliedOn }
        }
        return spec
      }),
    )

export const visitSpec = (w: { from: string; to: string }): fc.Arbitrary<VisitSpec> =>
  fc.record({
    date: dayAround(w),
    kind: fc.constantFrom<VisitSpec['kind']>('thuong_xuyen', 'thuong_xuyen', 'dinh_ky', 'dot_xuat'),
    persons: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(4, 5, 6)),
    matter: fc.constantFrom('p', 'q', 'r', 's', 't', 'u', 'v', 'w'),
    host: fc.constantFrom('Chủ tịch', 'Phó Chủ tịch'),
  }).map((v) => ({ ...v, delegated: v.host === 'Phó Chủ tịch' }))
