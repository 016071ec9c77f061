import { describe, expect, it } from 'vitest'
import {
  documentRefs,
  findDuplicate,
  findDuplicates,
  letterText,
  priorOutcomeReason,
  respondentKey,
  sameSender,
  sameSenderSet,
  senderAddressKey,
  senderIdentity,
  senderIdentityKey,
  senderIdKey,
  senderKeys,
  senderLookupKeys,
  senderSetKey,
  textSimilarity,
  type DuplicateCandidate,
  type DuplicateItem,
} from '../../src/domain/duplicates.ts'
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts'

const threshold = DEFAULT_SETTINGS.duplicateSimilarity

const duc = { name: 'Nguyễn Văn Đức', idNumber: '051080001234', address: 'Thôn 3, xã Sơn Tây', signed: true }
const ducPlain = { name: 'nguyen van duc', address: 'thon 3 xa son tay' }
const ducIdOnly = { name: 'NGUYỄN VĂN ĐỨC', idNumber: '051 080 001 234' }
const lan = { name: 'Trần Thị Lan', idNumber: '051090005678', address: 'Thôn 1, xã Sơn Tây' }

const respondent = { agencyCode: 'UBND_XA_SON_TAY', person: 'Trần Văn Bình' }

const TEXT_A =
  'Khiếu nại Quyết định số 12/QĐ-UBND ngày 10/01/2026 của UBND xã Sơn Tây về việc thu hồi 200m2 đất nông nghiệp của gia đình tôi. Đề nghị hủy Quyết định 12/QĐ-UBND và bồi thường theo giá thị trường.'
const TEXT_A_REWORDED =
  'Tôi khiếu nại quyết định 12/QĐ-UBND ngày 10/1/2026 của UBND xã Sơn Tây thu hồi 200 m2 đất nông nghiệp của gia đình. Đề nghị hủy quyết định số 12/QĐ-UBND, bồi thường theo giá thị trường.'
const TEXT_OTHER_MATTER =
  'Khiếu nại Quyết định số 45/QĐ-XPHC ngày 03/03/2026 của Chủ tịch UBND xã Sơn Tây xử phạt vi phạm hành chính về xây dựng nhà ở không phép. Đề nghị hủy quyết định xử phạt.'

const first: DuplicateItem = {
  id: 'L1',
  matterId: 'M1',
  receivedAt: '2026-03-02',
  contentType: 'khieu_nai',
  senders: [duc],
  respondent,
  text: TEXT_A,
  outcome: 'huong_dan',
}
const second: DuplicateItem = {
  id: 'L2',
  matterId: 'M1',
  receivedAt: '2026-03-20',
  contentType: 'khieu_nai',
  senders: [ducPlain],
  respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'tran van binh' },
  text: TEXT_A_REWORDED,
  outcome: 'luu_don',
}
const otherMatter: DuplicateItem = {
  id: 'L3',
  matterId: 'M2',
  receivedAt: '2026-03-25',
  contentType: 'khieu_nai',
  senders: [duc],
  respondent,
  text: TEXT_OTHER_MATTER,
  outcome: 'thu_ly',
}
const earlier = [first, second, otherMatter]

const candidate = (over: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  receivedAt: '2026-04-10',
  contentType: 'khieu_nai',
  senders: [ducPlain],
  respondent,
  text: TEXT_A_REWORDED,
  ...over,
})

describe('sender identity: folded name + ID number, else name + address (RULES.md §4)', () => {
  it('senderIdentityKey folds diacritics, đ→d, case, spaces and punctuation; ID keeps digits only', () => {
    expect(senderIdentityKey(duc)).toBe('nguyen van duc#id:051080001234')
    expect(senderIdentityKey(ducIdOnly)).toBe('nguyen van duc#id:051080001234')
    expect(senderIdentityKey({ name: '  Nguyễn  Văn   Đức. ', idNumber: 'CCCD: 051.080.001.234' })).toBe('nguyen van duc#id:051080001234')
    expect(senderIdentityKey(ducPlain)).toBe('nguyen van duc#dc:thon 3 xa son tay')
    expect(senderIdentityKey({ name: 'Nguyễn Văn Đức', address: 'Thôn 3 - Xã Sơn Tây', idNumber: '   ' })).toBe('nguyen van duc#dc:thon 3 xa son tay')
  })

  it('NFC and NFD spellings of the same name give the same key', () => {
    expect(senderIdentityKey({ name: 'Đặng Thị Hường'.normalize('NFD'), address: 'x' })).toBe(senderIdentityKey({ name: 'Đặng Thị Hường'.normalize('NFC'), address: 'x' }))
  })

  it('no name → null (not identifiable)', () => {
    expect(senderIdentityKey({ idNumber: '051080001234', address: 'Thôn 3' })).toBeNull()
    expect(senderIdentityKey({ name: ' ... ' })).toBeNull()
    expect(senderIdentityKey(null)).toBeNull()
  })

  it('senderLookupKeys gives both the ID key and the address key when both are known', () => {
    expect(senderLookupKeys(duc)).toEqual(['nguyen van duc#id:051080001234', 'nguyen van duc#dc:thon 3 xa son tay'])
    expect(senderLookupKeys({ address: 'x' })).toEqual([])
    expect(senderIdKey(ducPlain)).toBeNull()
    expect(senderAddressKey(ducPlain)).toBe('nguyen van duc#dc:thon 3 xa son tay')
    expect(senderIdKey(ducIdOnly)).toBe('nguyen van duc#id:051080001234')
    expect(senderAddressKey(ducIdOnly)).toBeNull()
  })

  it('senderKeys gives what is stored with a sender from one folding: the same identity and keys as asked one by one', () => {
    for (const sender of [duc, ducPlain, ducIdOnly, lan, { address: 'x' }, { name: ' ... ' }, null]) {
      const { identity, idKey, addressKey } = senderKeys(sender)
      expect(identity).toEqual(senderIdentity(sender))
      expect(idKey).toBe(senderIdKey(sender))
      expect(addressKey).toBe(senderAddressKey(sender))
    }
    expect(senderKeys(duc)).toEqual({
      identity: { name: 'nguyen van duc', id: '051080001234', address: 'thon 3 xa son tay' },
      idKey: 'nguyen van duc#id:051080001234',
      addressKey: 'nguyen van duc#dc:thon 3 xa son tay',
    })
  })

  it('the same person with and without an ID number matches on name + address', () => {
    expect(sameSender(duc, ducPlain)).toBe(true)
    expect(sameSender(duc, ducIdOnly)).toBe(true) // matched on the ID
    expect(sameSender(ducPlain, ducIdOnly)).toBe(false) // nothing but the name in common
  })

  it('a mistyped ID does not split a name + address match; a different name never matches', () => {
    expect(sameSender(duc, { ...duc, idNumber: '051080001235' })).toBe(true)
    expect(sameSender(duc, { ...duc, name: 'Nguyễn Văn Đực' })).toBe(true) // folds to the same name (diacritics are not kept)
    expect(sameSender(duc, { ...duc, name: 'Nguyễn Văn Đạt' })).toBe(false)
  })

  it('a name alone never matches', () => {
    expect(sameSender({ name: 'Nguyễn Văn Đức' }, { name: 'Nguyễn Văn Đức' })).toBe(false)
  })
})

describe('sender sets', () => {
  it('senderSetKey is sorted and de-duplicated; null when no sender is identifiable', () => {
    expect(senderSetKey([lan, duc, ducIdOnly])).toBe('nguyen van duc#id:051080001234|tran thi lan#id:051090005678')
    expect(senderSetKey([duc, lan])).toBe(senderSetKey([lan, duc]))
    expect(senderSetKey([])).toBeNull()
    expect(senderSetKey([{ address: 'x' }])).toBeNull()
    expect(senderSetKey(null)).toBeNull()
  })

  it('the same group in another order, with one member written without diacritics, is the same sender set', () => {
    expect(sameSenderSet([duc, lan], [{ name: 'tran thi lan', address: 'thon 1 xa son tay' }, ducPlain])).toBe(true)
  })

  it('a subset or superset of the senders is not the same sender set; anonymous letters never are', () => {
    expect(sameSenderSet([duc, lan], [duc])).toBe(false)
    expect(sameSenderSet([duc], [duc, lan])).toBe(false)
    expect(sameSenderSet([], [])).toBe(false)
    expect(sameSenderSet([{ name: null }], [{ name: null }])).toBe(false)
  })
})

describe('respondentKey: agency code + folded person', () => {
  it('folds the person; null when nothing is given', () => {
    expect(respondentKey(respondent)).toBe('UBND_XA_SON_TAY|tran van binh')
    expect(respondentKey({ agencyCode: 'UBND_XA_SON_TAY', person: 'TRẦN VĂN BÌNH' })).toBe(respondentKey(respondent))
    expect(respondentKey({ agencyCode: 'SO_TNMT' })).toBe('SO_TNMT|')
    expect(respondentKey({})).toBeNull()
    expect(respondentKey(null)).toBeNull()
  })
})

describe('textSimilarity: Dice over word bigrams of folded text', () => {
  it('treats "Nguyễn Văn Đức khiếu nại quyết định 12/QĐ-UBND" and its unaccented lower-case spelling as identical', () => {
    expect(textSimilarity('Nguyễn Văn Đức khiếu nại quyết định 12/QĐ-UBND', 'nguyen van duc khieu nai quyet dinh 12/QD-UBND')).toBeCloseTo(1, 10)
  })

  it('is symmetric, 1 for the same text, 0 against an empty text', () => {
    expect(textSimilarity(TEXT_A, TEXT_A_REWORDED)).toBeCloseTo(textSimilarity(TEXT_A_REWORDED, TEXT_A), 12)
    expect(textSimilarity(TEXT_A, TEXT_A)).toBe(1)
    expect(textSimilarity(TEXT_A, '')).toBe(0)
    expect(textSimilarity('', '')).toBe(0)
    expect(textSimilarity(null, TEXT_A)).toBe(0)
  })

  it('a reworded repeat of the same matter scores above the default threshold, a different matter well below', () => {
    expect(textSimilarity(TEXT_A, TEXT_A_REWORDED)).toBeGreaterThan(threshold + 0.1)
    expect(textSimilarity(TEXT_A, TEXT_OTHER_MATTER)).toBeLessThan(threshold - 0.2)
  })

  it('numbers with and without leading zeros agree (10/01/2026 = 10/1/2026)', () => {
    expect(textSimilarity('ngày 10/01/2026', 'ngày 10/1/2026')).toBe(1)
  })

  it('letterText joins summary, request and act', () => {
    expect(letterText({ summary: 'A', request: null, act: 'C' })).toContain('A')
    expect(textSimilarity(letterText({ summary: 'Tóm tắt', request: 'Đề nghị' }), 'tom tat de nghi')).toBe(1)
  })
})

describe('documentRefs: cited document numbers', () => {
  it('finds decision numbers, not dates or street numbers', () => {
    expect([...documentRefs('QĐ số 012 / QĐ - UBND ngày 10/01/2026 tại nhà 12/Trần Phú theo Luật số 02/2011/QH13')].sort()).toEqual(['12/qd-ubnd', '2/2011/qh13'])
  })
})

describe('findDuplicate: same sender set, respondent, content type and near-identical text → the first letter (RULES.md §4)', () => {
  it('same sender without diacritics or ID number is linked to the first letter and its matter', () => {
    expect(findDuplicate(candidate(), earlier, threshold)).toMatchObject({
      letterId: 'L1',
      matterId: 'M1',
      earlierOutcome: 'huong_dan',
      earlierOutcomes: ['huong_dan', 'luu_don'],
    })
  })

  it('same sender giving only the ID number (no address) is linked to the first letter through the ID', () => {
    const m = findDuplicate(candidate({ senders: [ducIdOnly], text: TEXT_A }), earlier, threshold)
    expect(m).toMatchObject({ letterId: 'L1', matterId: 'M1', similarity: 1 })
    // L2 was written without an ID, and this one without an address: nothing ties them but the name
    expect(m?.earlierOutcomes).toEqual(['huong_dan'])
  })

  it('the earliest match wins whatever the order of the list', () => {
    expect(findDuplicate(candidate(), [...earlier].reverse(), threshold)?.letterId).toBe('L1')
  })

  it('a different matter from the same sender (other decision, low similarity) is not linked', () => {
    expect(findDuplicate(candidate({ senders: [duc], text: TEXT_OTHER_MATTER.replace('45/QĐ-XPHC', 'số 45') }), [first, second], threshold)).toBeNull()
    // …and a repeat of that other matter links to it, not to the first matter
    expect(findDuplicate(candidate({ senders: [duc], text: TEXT_OTHER_MATTER }), earlier, threshold)).toMatchObject({ letterId: 'L3', matterId: 'M2' })
  })

  it('the same wording about another decision number is not the same matter', () => {
    const sameTemplate = TEXT_A.replaceAll('12/QĐ-UBND', '13/QĐ-UBND')
    expect(textSimilarity(TEXT_A, sameTemplate)).toBeGreaterThan(threshold)
    expect(findDuplicate(candidate({ text: sameTemplate }), earlier, threshold)).toBeNull()
  })

  it('a different respondent is a different matter', () => {
    expect(findDuplicate(candidate({ respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'Lê Văn Cường' } }), earlier, threshold)).toBeNull()
    expect(findDuplicate(candidate({ respondent: { agencyCode: 'SO_TNMT' } }), earlier, threshold)).toBeNull()
  })

  it('a different content type is a different matter', () => {
    expect(findDuplicate(candidate({ contentType: 'to_cao' }), earlier, threshold)).toBeNull()
  })

  it('a different sender with the same text is not linked', () => {
    expect(findDuplicate(candidate({ senders: [lan] }), earlier, threshold)).toBeNull()
    expect(findDuplicate(candidate({ senders: [{ name: 'Nguyễn Văn Đức', address: 'Thôn 7, xã Ba Tơ' }] }), earlier, threshold)).toBeNull()
    expect(findDuplicate(candidate({ senders: [duc, lan] }), earlier, threshold)).toBeNull()
  })

  it('anonymous letters are never linked (no identifiable sender set)', () => {
    const anon: DuplicateItem = { ...first, id: 'A1', senders: [], contentType: 'to_cao' }
    expect(findDuplicate(candidate({ senders: [], contentType: 'to_cao', text: TEXT_A }), [anon], threshold)).toBeNull()
  })

  it('letters received after the candidate and the candidate itself are ignored', () => {
    expect(findDuplicate(candidate({ receivedAt: '2026-03-01' }), earlier, threshold)).toBeNull()
    expect(findDuplicate({ ...first, id: 'L1' }, [first], threshold)).toBeNull()
    expect(findDuplicate(candidate({ receivedAt: '2026-03-02' }), earlier, threshold)?.letterId).toBe('L1')
  })

  it('the threshold is the setting: at 0.95 a reworded repeat is not linked, the identical text still is', () => {
    // the candidate's text is L2's word for word and a rewording of L1's
    expect(findDuplicate(candidate(), earlier, 0.95)).toMatchObject({ letterId: 'L2', similarity: 1 })
    expect(findDuplicate(candidate(), [first], 0.95)).toBeNull()
    expect(findDuplicate(candidate({ senders: [duc], text: TEXT_A }), earlier, 0.95)?.letterId).toBe('L1')
  })

  it('findDuplicates lists every earlier letter of the matter, earliest first', () => {
    expect(findDuplicates(candidate(), [second, otherMatter, first], threshold).map((m) => m.item.id)).toEqual(['L1', 'L2'])
  })

  it('an earlier letter without a matter gives matterId null', () => {
    expect(findDuplicate(candidate(), [{ ...first, matterId: undefined }], threshold)).toMatchObject({ letterId: 'L1', matterId: null })
  })
})

describe('once only (RULES.md §2 step 6): complaint already guided, denunciation already forwarded', () => {
  it('complaint whose matter was guided before → da_huong_dan', () => {
    expect(priorOutcomeReason('khieu_nai', ['luu_don', 'huong_dan'])).toBe('da_huong_dan')
  })

  it('denunciation whose matter was forwarded before → da_chuyen_don', () => {
    expect(priorOutcomeReason('to_cao', ['chuyen_don'])).toBe('da_chuyen_don')
  })

  it('otherwise null (other outcomes, other content types, nothing earlier)', () => {
    expect(priorOutcomeReason('khieu_nai', ['chuyen_don', 'thu_ly', null])).toBeNull()
    expect(priorOutcomeReason('to_cao', ['huong_dan', undefined])).toBeNull()
    expect(priorOutcomeReason('kien_nghi_phan_anh', ['chuyen_don', 'huong_dan'])).toBeNull()
    expect(priorOutcomeReason('khieu_nai', [])).toBeNull()
  })

  it('works on findDuplicate output: a repeat of a guided complaint is caught', () => {
    const m = findDuplicate(candidate(), earlier, threshold)
    expect(priorOutcomeReason('khieu_nai', m?.earlierOutcomes ?? [])).toBe('da_huong_dan')
  })
})
