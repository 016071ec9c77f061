/**
 * Record ids (src/db/record-id.ts): nanoid-shaped, and in the order they were made, so the indexes
 * keyed by them grow at their end.
 */
import { expect, it } from 'vitest'
import { newRecordId, recordIdTime } from '../../src/db/record-id.ts'

it('is 21 URL-safe characters, never beginning with a dash, different every time', () => {
  const ids = Array.from({ length: 10_000 }, () => newRecordId())
  for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{20}$/)
  expect(new Set(ids).size).toBe(ids.length)
})

it('sorts as text in the order of the times it was made at', () => {
  const times = [0, 1, 61, 62, 63, 3843, 3844, Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1) + 1, Date.UTC(2026, 11, 31, 23, 59, 59, 999), Date.UTC(2100, 0, 1), 62 ** 8 - 1]
  const ids = times.map((t) => newRecordId(t))
  expect([...ids].sort()).toEqual(ids)
  // byte order, as SQLite compares TEXT: not the locale's order
  expect(ids.every((id, i) => i === 0 || ids[i - 1]! < id)).toBe(true)
  expect(recordIdTime(Date.UTC(2026, 10, 22))).toHaveLength(8)
})

it('orders ids made one after another', () => {
  const a = newRecordId(Date.UTC(2026, 10, 22, 8))
  const b = newRecordId(Date.UTC(2026, 10, 22, 8) + 1)
  expect(a < b).toBe(true)
})
