/**
 * The invariants of RULES.md §7 and every form's control sums hold for ANY grouped data: any
 * mix of tracks, cohorts, decided or not, outcomes (tach_don, luu_don included), stages, visits
 * and replies — including combinations the database's constraints would refuse.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Channel, ContentType, Outcome, SignerGroup, SingleContentType } from '../../src/domain/codes.ts'
import { fillForm } from '../../src/domain/report-forms.ts'
import { FORM_CODES, FORM_LAYOUTS } from '../../src/domain/report-layouts.ts'
import { MEASURES, isMeasureKey } from '../../src/domain/report-measures.ts'
import { invariantViolations, measureValues, tallies } from '../../src/domain/report.ts'
import { reportParagraphs } from '../../src/domain/report-text.ts'
import {
  emptyVisitSummary,
  evaluate,
  isLargeGroup,
  letterCells,
  letterMatches,
  type LetterGroupRow,
  type ReplyCell,
  type ReportData,
  type ResolutionStage,
  type VisitCriteria,
  type VisitGroupRow,
  matterLevelFirstTime,
  summariseVisits,
  VISIT_BUCKETS,
  visitBucketBit,
} from '../../src/domain/tallies.ts'
import { CHANNEL_LIST } from '../support/report-data.ts'

const OUTCOME_LIST: Outcome[] = ['thu_ly', 'khong_thu_ly', 'kiem_tra', 'huong_dan', 'chuyen_don', 'don_doc', 'tach_don', 'luu_don']

/** Counts that are consistent (n ≥ r, d ≥ rd, …) as a real query returns them. */
const counts = fc
  .record({ receivedUndecided: fc.nat(20), receivedDecided: fc.nat(20), carriedUndecided: fc.nat(5), carriedDecided: fc.nat(5) })
  .chain((c) =>
    fc.record({
      c: fc.constant(c),
      // resolved among each of the four parts
      rs: fc.tuple(fc.integer({ min: 0, max: c.receivedUndecided }), fc.integer({ min: 0, max: c.receivedDecided }), fc.integer({ min: 0, max: c.carriedUndecided }), fc.integer({ min: 0, max: c.carriedDecided })),
    }),
  )

const groupRow: fc.Arbitrary<LetterGroupRow> = fc
  .record({
    track: fc.constantFrom<'don_thu' | 'quy_dinh_hanh_chinh'>('don_thu', 'quy_dinh_hanh_chinh'),
    signerGroup: fc.constantFrom<SignerGroup>('nhieu_nguoi', 'mot_nguoi', 'khac'),
    contentType: fc.constantFrom<ContentType>('khieu_nai', 'to_cao', 'kien_nghi_phan_anh', 'nhieu_noi_dung'),
    countedAs: fc.constantFrom<SingleContentType>('khieu_nai', 'to_cao', 'kien_nghi_phan_anh'),
    channel: fc.constantFrom<Channel>(...CHANNEL_LIST),
    outcome: fc.option(fc.constantFrom(...OUTCOME_LIST), { nil: null }),
    stage: fc.constantFrom<ResolutionStage>('chua', 'lan_dau', 'nhieu_lan'),
    counts,
  })
  .map(({ counts: { c, rs }, ...dims }) => {
    const [ru, rd, cu, cd] = rs
    const tracked = dims.track === 'quy_dinh_hanh_chinh' ? 1 : 0
    return {
      ...dims,
      n: c.receivedUndecided + c.receivedDecided + c.carriedUndecided + c.carriedDecided,
      r: c.receivedUndecided + c.receivedDecided,
      d: c.receivedDecided + c.carriedDecided,
      rd: c.receivedDecided,
      s: tracked * (ru + rd + cu + cd),
      rs: tracked * (ru + rd),
      ds: tracked * (rd + cd),
      rds: tracked * rd,
    }
  })

const visitRow: fc.Arbitrary<VisitGroupRow> = fc.record({
  kind: fc.constantFrom<VisitGroupRow['kind']>('thuong_xuyen', 'dinh_ky', 'dot_xuat'),
  category: fc.constantFrom<VisitGroupRow['category']>('thuong_xuyen', 'thu_truong', 'uy_quyen'),
  persons: fc.integer({ min: 1, max: 30 }),
  matterId: fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5'),
  sessionId: fc.option(fc.constantFrom('s1', 's2', 's3'), { nil: null }),
  firstTime: fc.boolean(),
  visits: fc.integer({ min: 1, max: 4 }),
})

const replyCell: fc.Arbitrary<ReplyCell> = fc.record({
  kind: fc.constantFrom<ReplyCell['kind']>('huong_dan', 'chuyen_don', 'don_doc'),
  channel: fc.constantFrom<Channel>(...CHANNEL_LIST),
  n: fc.integer({ min: 1, max: 5 }),
})

const reportData: fc.Arbitrary<ReportData> = fc
  .record({
    letters: fc.array(groupRow, { maxLength: 40 }),
    xld: fc.array(groupRow, { maxLength: 15 }),
    tcd: fc.array(groupRow, { maxLength: 15 }),
    visits: fc.array(visitRow, { maxLength: 30 }),
    replies: fc.array(replyCell, { maxLength: 10 }),
    threshold: fc.integer({ min: 1, max: 12 }),
  })
  .map((g) => ({
    window: { from: '2025-12-15', to: '2026-03-14' },
    largeGroupThreshold: g.threshold,
    letters: letterCells(g.letters),
    matters: { xld_du_dieu_kien: letterCells(g.xld), tcd_qua_tiep_dan: letterCells(g.tcd) },
    visits: summariseVisits(g.visits, g.threshold),
    replies: g.replies,
  }))

const visitCriteria: fc.Arbitrary<VisitCriteria> = fc.record(
  {
    category: fc.subarray<VisitGroupRow['category']>(['thuong_xuyen', 'thu_truong', 'uy_quyen']),
    kind: fc.subarray<VisitGroupRow['kind']>(['thuong_xuyen', 'dinh_ky', 'dot_xuat']),
    large: fc.boolean(),
    firstTime: fc.boolean(),
  },
  { requiredKeys: [] },
)

describe('tallies for any data', () => {
  it('the bucket bits number the 36 buckets one to one (the database computes the same numbers)', () => {
    expect(VISIT_BUCKETS).toHaveLength(36)
    VISIT_BUCKETS.forEach((bucket, bit) => expect(visitBucketBit(bucket)).toBe(bit))
    expect(new Set(VISIT_BUCKETS.map((b) => `${b.kind}|${b.category}|${b.large}|${b.firstTime}`)).size).toBe(36)
  })

  it('a visit measure over the summary equals the same measure over the visits themselves', () => {
    fc.assert(
      fc.property(fc.array(visitRow, { maxLength: 40 }), fc.integer({ min: 1, max: 12 }), visitCriteria, (rows, threshold, where) => {
        const data: ReportData = {
          window: { from: '2026-01-01', to: '2026-03-31' },
          largeGroupThreshold: threshold,
          letters: [],
          matters: {},
          visits: summariseVisits(rows, threshold),
          replies: [],
        }
        // the definition: filter the rows (first time settled per matter), then count
        const kept = matterLevelFirstTime(rows).filter(
          (r) =>
            (where.category === undefined || where.category.includes(r.category)) &&
            (where.kind === undefined || where.kind.includes(r.kind)) &&
            (where.large === undefined || where.large === isLargeGroup(r.persons, threshold)) &&
            (where.firstTime === undefined || where.firstTime === r.firstTime),
        )
        expect(evaluate({ of: 'visits', where }, data)).toBe(kept.reduce((a, r) => a + r.visits, 0))
        expect(evaluate({ of: 'persons', where }, data)).toBe(kept.reduce((a, r) => a + r.visits * r.persons, 0))
        expect(evaluate({ of: 'visitMatters', where }, data)).toBe(new Set(kept.map((r) => r.matterId)).size)
        expect(evaluate({ of: 'sessions', where }, data)).toBe(new Set(kept.flatMap((r) => (r.sessionId === null ? [] : [r.sessionId]))).size)
      }),
    )
  })

  it('turning group counts into cells loses no letter and splits each cohort exactly', () => {
    fc.assert(
      fc.property(fc.array(groupRow, { maxLength: 30 }), (rows) => {
        const cells = letterCells(rows)
        const total = rows.reduce((a, r) => a + r.n, 0)
        expect(cells.reduce((a, c) => a + c.n, 0)).toBe(total)
        expect(cells.filter((c) => c.cohort === 'trong_ky').reduce((a, c) => a + c.n, 0)).toBe(rows.reduce((a, r) => a + r.r, 0))
        expect(cells.filter((c) => c.decided).reduce((a, c) => a + c.n, 0)).toBe(rows.reduce((a, r) => a + r.d, 0))
        expect(cells.filter((c) => c.resolved).reduce((a, c) => a + c.n, 0)).toBe(rows.reduce((a, r) => a + r.s, 0))
        // an undecided cell has no outcome: an outcome always means a decision taken in time
        expect(cells.every((c) => c.decided || c.outcome === null)).toBe(true)
        expect(cells.every((c) => c.n > 0)).toBe(true)
      }),
    )
  })

  it('the invariants of RULES.md §7 hold', () => {
    fc.assert(
      fc.property(reportData, (data) => {
        const t = tallies(measureValues(data))
        expect(invariantViolations(t)).toEqual([])
        // spelled out once more, as RULES.md writes them
        const d = t.donThu
        expect(d.nhieuNguoiDungTen + d.motNguoiDungTen + d.khac).toBe(d.tong)
        expect(d.duDieuKien).toBeLessThanOrEqual(d.daXuLy)
        expect(d.daXuLy).toBeLessThanOrEqual(d.tong)
        expect(d.khieuNai + d.toCao + d.kienNghiPhanAnh).toBe(d.duDieuKien)
        expect(d.thuocThamQuyen + d.khongThuocThamQuyen).toBe(d.duDieuKien)
        expect(d.thuLy + d.khongThuLy + d.kiemTra).toBe(d.thuocThamQuyen)
        expect(d.huongDan + d.chuyenDon + d.donDoc).toBe(d.khongThuocThamQuyen)
        expect(t.tiepCongDan.vuViecLanDau + t.tiepCongDan.vuViecNhieuLan).toBe(t.tiepCongDan.vuViec)
      }),
      { numRuns: 300 },
    )
  })

  it('every form control sum holds', () => {
    fc.assert(
      fc.property(reportData, (data) => {
        const values = measureValues(data)
        for (const code of FORM_CODES) {
          const form = fillForm(code, data.window.to, values)
          for (const check of form.checks) expect(check.ok, `${code} ${check.text}`).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('the paragraphs are made of the same numbers', () => {
    fc.assert(
      fc.property(reportData, (data) => {
        const t = tallies(measureValues(data))
        const text = reportParagraphs(t, { boardName: 'Ban Tiếp công dân tỉnh' }).join('\n')
        const two = (n: number) => (n < 10 ? `0${n}` : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'))
        expect(text).toContain(`tiếp thường xuyên ${two(t.tiepCongDan.thuongXuyen.luot)} lượt (${two(t.tiepCongDan.thuongXuyen.nguoi)} người)`)
        expect(text).toContain(`tổng cộng ${two(t.donThu.tong)} đơn (có ${two(t.donThu.nhieuNguoiDungTen)} đơn có nhiều người đứng tên)`)
        expect(text).toContain(`đơn phản ánh, kiến nghị: ${two(t.donThu.kienNghiPhanAnh)} đơn).`)
      }),
    )
  })

  it('a criterion on an outcome never counts an undecided letter', () => {
    fc.assert(
      fc.property(fc.array(groupRow, { maxLength: 20 }), fc.subarray(OUTCOME_LIST), (rows, outcomes) => {
        for (const cell of letterCells(rows)) {
          if (letterMatches({ outcome: outcomes }, cell)) expect(cell.decided).toBe(true)
        }
      }),
    )
  })
})

describe('the measure catalogue and the form layouts', () => {
  it('every column of every layout points at a measure, a sum of columns or a note; numbers are 1..n', () => {
    for (const layout of FORM_LAYOUTS) {
      expect(layout.columns.map((c) => c.no)).toEqual(layout.columns.map((_, i) => i + 1))
      for (const c of layout.columns) {
        if ('measure' in c.value) expect(isMeasureKey(c.value.measure), `${layout.code} ${c.no}`).toBe(true)
        if ('sumOf' in c.value) for (const no of c.value.sumOf) expect(no).toBeLessThanOrEqual(layout.columns.length)
      }
      for (const s of layout.controlSums) for (const parts of s.equals) for (const no of parts) expect(no).toBeLessThanOrEqual(layout.columns.length)
    }
    expect(FORM_LAYOUTS.find((l) => l.code === '01/TCD')!.columns).toHaveLength(29)
    expect(FORM_LAYOUTS.find((l) => l.code === '02/TCD')!.columns).toHaveLength(17)
    expect(FORM_LAYOUTS.find((l) => l.code === '01/XLD')!.columns).toHaveLength(22)
  })

  it('a control sum that does not hold is reported (the check can fail)', () => {
    const data: ReportData = {
      window: { from: '2026-01-01', to: '2026-03-31' },
      largeGroupThreshold: 5,
      letters: [],
      matters: { xld_du_dieu_kien: [], tcd_qua_tiep_dan: [] },
      visits: emptyVisitSummary(),
      replies: [],
    }
    const values = { ...measureValues(data), 'xld.kyTruoc': 3 }
    const form = fillForm('01/XLD', '2026-03-31', values)
    expect(form.checks.find((c) => c.column === 1)).toEqual({ column: 1, text: '1 = 2+3 = 4+5', ok: false })
  })

  it('every measure evaluates on empty data to zero', () => {
    const empty: ReportData = { window: { from: '2026-01-01', to: '2026-01-31' }, largeGroupThreshold: 5, letters: [], matters: { xld_du_dieu_kien: [], tcd_qua_tiep_dan: [] }, visits: emptyVisitSummary(), replies: [] }
    for (const [key, def] of Object.entries(MEASURES)) expect(evaluate(def.measure, empty), key).toBe(0)
  })
})
