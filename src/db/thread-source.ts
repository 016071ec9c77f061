/**
 * The program of a database worker thread as source text, from a TypeScript function (type-checked
 * with the rest). A worker started from a file would need its own entry in the server bundle and
 * would not inherit tsx's or vitest's loader, so the threads run `new Worker(source, { eval: true })`.
 *
 * `main` and `helpers` must be self-contained: no imports, no outer names. `main` receives
 * `require` (passed in rather than named inside, so bundlers leave the thread's requires alone)
 * and then each helper, in order.
 */
// any parameters: each thread program declares its own
type AnyFunction = (...args: never[]) => unknown

export function threadSource(main: AnyFunction, ...helpers: AnyFunction[]): string {
  // esbuild with keepNames (tsx) wraps named functions in a `__name(fn, "name")` call of its own
  // helper, which the thread must then define too.
  return `
const __name = (target, value) => Object.defineProperty(target, 'name', { value, configurable: true });
(${main.toString()})(require${helpers.map((h) => `, ${h.toString()}`).join('')})`
}
