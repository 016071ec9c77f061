/**
 * A map keyed by SQL text, for the caches the server looks up on every statement it runs (compiled
 * statements, the writer thread's text numbers).
 *
 * Kysely builds each query's text anew, so a `Map<string, …>` lookup hashes the whole new string
 * first, character by character: for a ~800-character INSERT ~3 µs a lookup in a micro-benchmark,
 * and a letter's intake looks up about ten. Here the texts are grouped by length and a lookup
 * compares the few texts of that length, which V8 does as a block compare: ~1 µs there. In the
 * server's CPU profile the lookups went from ~20 to ~12 µs a letter (bench/analysis.md).
 */
export class SqlTextMap<V> {
  readonly #byLength = new Map<number, Array<[string, V]>>()
  /** Texts in the order they were added, so the oldest can be forgotten. */
  readonly #order: string[] = []

  get size(): number {
    return this.#order.length
  }

  get(sql: string): V | undefined {
    const entries = this.#byLength.get(sql.length)
    if (entries) for (const [text, value] of entries) if (text === sql) return value
    return undefined
  }

  /** Adds a text not in the map. */
  add(sql: string, value: V): void {
    const entries = this.#byLength.get(sql.length)
    if (entries) entries.push([sql, value])
    else this.#byLength.set(sql.length, [[sql, value]])
    this.#order.push(sql)
  }

  /** Forgets the text added first. */
  deleteOldest(): void {
    const sql = this.#order.shift()
    if (sql === undefined) return
    const entries = this.#byLength.get(sql.length)!
    entries.splice(
      entries.findIndex(([text]) => text === sql),
      1,
    )
    if (entries.length === 0) this.#byLength.delete(sql.length)
  }

  clear(): void {
    this.#byLength.clear()
    this.#order.length = 0
  }
}
