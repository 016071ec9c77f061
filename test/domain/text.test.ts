import { describe, expect, it } from 'vitest'
import { cleanText, foldVi, foldedWords, ftsQuery, viCollator } from '../../src/domain/text.ts'

describe('foldVi', () => {
  it('folds marks, đ and case so "Đặng Văn Đức" equals "dang van duc"', () => {
    expect(foldVi('Đặng Văn Đức')).toBe('dang van duc')
    expect(foldVi('NGUYỄN THỊ HƯỜNG')).toBe('nguyen thi huong')
  })

  it('treats decomposed (NFD) input the same as composed input', () => {
    expect(foldVi('Nguye\u0302\u0303n')).toBe(foldVi('Nguyễn'))
  })

  it('folds the look-alike eth letter too', () => {
    expect(foldVi('Ðà Nẵng')).toBe('da nang')
  })
})

describe('text helpers', () => {
  it('cleanText composes and collapses whitespace', () => {
    expect(cleanText('  Nguye\u0302\u0303n   Văn\nAn ')).toBe('Nguyễn Văn An')
  })

  it('foldedWords drops punctuation', () => {
    expect(foldedWords('Quyết định số 12/QĐ-UBND.')).toEqual(['quyet', 'dinh', 'so', '12', 'qd', 'ubnd'])
  })

  it('ftsQuery quotes every word and makes the last a prefix', () => {
    expect(ftsQuery('Đặng Văn Đ')).toBe('"dang" "van" "d"*')
  })

  it('sorts names in Vietnamese order', () => {
    expect(['Đà', 'Ân', 'An', 'Dung'].sort(viCollator.compare)).toEqual(['An', 'Ân', 'Dung', 'Đà'])
  })
})
