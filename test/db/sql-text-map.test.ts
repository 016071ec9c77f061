import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SqlTextMap } from '../../src/db/sql-text-map.ts'

describe('SqlTextMap', () => {
  it('tells apart texts of the same length', () => {
    const map = new SqlTextMap<number>()
    map.add('select a from t', 1)
    map.add('select b from t', 2)
    // a text built anew, as Kysely builds each query's text
    const built = ['select', 'b', 'from', 't'].join(' ')
    expect(map.get(built)).toBe(2)
    expect(map.get('select c from t')).toBeUndefined()
    expect(map.size).toBe(2)
  })

  it('forgets the oldest text first', () => {
    const map = new SqlTextMap<number>()
    map.add('aa', 1)
    map.add('bb', 2)
    map.add('ccc', 3)
    map.deleteOldest()
    expect([map.get('aa'), map.get('bb'), map.get('ccc'), map.size]).toEqual([undefined, 2, 3, 2])
    map.clear()
    expect([map.get('bb'), map.size]).toEqual([undefined, 0])
  })

  it('answers as a Map would, through adds and evictions', () => {
    const op = fc.oneof(fc.record({ add: fc.stringMatching(/^[ab]{0,4}$/) }), fc.constant({ evict: true as const }))
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const map = new SqlTextMap<number>()
        const model = new Map<string, number>()
        ops.forEach((o, i) => {
          if ('add' in o) {
            if (model.has(o.add)) return
            map.add(o.add, i)
            model.set(o.add, i)
          } else {
            map.deleteOldest()
            const oldest = model.keys().next()
            if (!oldest.done) model.delete(oldest.value)
          }
          for (const text of ['', 'a', 'b', 'ab', 'ba', 'aab', 'abab']) expect(map.get(text)).toBe(model.get(text))
          expect(map.size).toBe(model.size)
        })
      }),
    )
  })
})
