import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanText, foldVi, foldViByDefinition, foldedWords, foldedWordsByDefinition, ftsQuery, viCollator } from '../../src/domain/text.ts'

/** Units a folded text may hold: Vietnamese precomposed and decomposed, other Latin, marks, every kind of space, and units the fast path leaves to the definition. */
const PIECES = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐðÐ',
  ...'0123456789 .,;:/()-_\'"?!@#%&*+=<>[]{}|~`^$',
  '\u0300', '\u0301', '\u0302', '\u0303', '\u0306', '\u0309', '\u031B', '\u0323', '\u0307', '\u036F',
  '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u1680', '\u2003', '\u2028', '\u3000', '\uFEFF',
  'İ', 'ß', 'Ǆ', 'ǅ', 'ŉ', 'ǰ', 'Ω', 'Σ', 'ς', 'ΑΣ ', 'Ἀ', 'ﬁ', 'Å', 'K', '가', '漢', '😀', '\uD800', '\u1AB0', '\u20D0', 'Ⅻ', 'Ａ',
]

describe('foldVi', () => {
  it('computes what its definition says, for any text', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''))
    fc.assert(fc.property(text, (s) => foldVi(s) === foldViByDefinition(s)), { numRuns: 20_000 })
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => foldVi(s) === foldViByDefinition(s)), { numRuns: 5_000 })
  })

  it('splits into the words its definition says, for any text', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''))
    fc.assert(fc.property(text, (s) => {
      expect(foldedWords(s)).toEqual(foldedWordsByDefinition(s))
    }), { numRuns: 20_000 })
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
      expect(foldedWords(s)).toEqual(foldedWordsByDefinition(s))
    }), { numRuns: 5_000 })
  })

  it('agrees with its definition on every unit up to U+20FF, alone and between letters (and so do the words)', () => {
    // the table's blocks and the units around them (outside the table: through the definition)
    for (let unit = 0; unit < 0x2100; unit++) {
      const char = String.fromCharCode(unit)
      for (const s of [char, `a${char}b`, ` ${char} `, `Đ${char}${char}ư`]) {
        expect(foldVi(s), `U+${unit.toString(16)} in ${JSON.stringify(s)}`).toBe(foldViByDefinition(s))
        expect(foldedWords(s), `U+${unit.toString(16)} in ${JSON.stringify(s)}`).toEqual(foldedWordsByDefinition(s))
      }
    }
  })


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
