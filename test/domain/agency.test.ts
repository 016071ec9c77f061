import { describe, expect, it } from 'vitest'
import { agencyExistsOn, ancestorsOf, directoryProblems, type Agency } from '../../src/domain/agency.ts'
import { SAMPLE_DIRECTORY } from '../../src/sample/directory.ts'

const agency = (code: string, parentCode: string | null, extra: Partial<Agency> = {}): Agency => ({
  code,
  name: code,
  level: 'tinh',
  kind: 'so',
  parentCode,
  fields: [],
  areaCodes: [],
  ...extra,
})

describe('directory as a tree (RULES.md §3)', () => {
  it('the sample directory is a valid tree', () => {
    expect(directoryProblems(SAMPLE_DIRECTORY)).toEqual([])
  })

  it('reports duplicate codes, unknown parents and loops', () => {
    const problems = directoryProblems([agency('A', 'B'), agency('B', 'A'), agency('C', 'X'), agency('C', null)])
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['3.code', '0.parentCode', '1.parentCode', '2.parentCode']))
  })

  it('accepts a parent that is already stored', () => {
    expect(directoryProblems([agency('A', 'STORED')], new Set(['STORED']))).toEqual([])
  })

  it('lists ancestors nearest first', () => {
    const byCode = new Map(SAMPLE_DIRECTORY.map((a) => [a.code, a]))
    expect(ancestorsOf('BTCD_TINH', byCode).map((a) => a.code)).toEqual(['VP_UBND_TINH', 'UBND_TINH', 'THU_TUONG'])
  })

  it('is effective-dated: district bodies end on 30 June 2025', () => {
    const district = SAMPLE_DIRECTORY.find((a) => a.code === 'UBND_HUYEN_SON_TAY')!
    expect(agencyExistsOn(district, '2025-06-30')).toBe(true)
    expect(agencyExistsOn(district, '2025-07-01')).toBe(false)
    const commune = SAMPLE_DIRECTORY.find((a) => a.code === 'UBND_XA_SON_TAY')!
    expect(agencyExistsOn(commune, '2025-06-30')).toBe(false)
    expect(agencyExistsOn(commune, '2025-07-01')).toBe(true)
  })
})
