/**
 * Calls to a database worker thread (the writer, the second connection): each message goes with a
 * number, and the thread answers `{ id, result }` or `{ id, error: { message, code } }`. A call
 * under way keeps the process alive; a thread with nothing to do does not.
 */
import type { Worker } from 'node:worker_threads'

/** An error as it crosses from a thread: SQLite's message and result code. */
export interface ThreadError {
  message: string
  code?: string
}

/** An error from a thread as callers see it: callers tell SQLite's errors apart by message (src/db/db.ts). */
export const errorOf = (e: ThreadError): Error => Object.assign(new Error(e.message), { code: e.code })

/** What the thread's side sends for an error it caught. */
export const plainError = (error: unknown): ThreadError => ({
  message: String((error as Error)?.message ?? error),
  code: (error as { code?: string })?.code,
})

export interface ThreadCalls {
  /** Posts `message` with a new `id`; settles with the thread's answer to it. */
  call<T>(message: object): Promise<T>
  /** Rejects every call under way: the thread is gone. */
  failAll(error: Error): void
}

/** `idle` runs whenever the last call under way is answered. */
export function threadCalls(worker: Worker, idle?: () => void): ThreadCalls {
  let nextId = 0
  const waiting = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void }>()
  worker.on('message', (message: { id?: number; result?: never; error?: ThreadError }) => {
    const call = message.id === undefined ? undefined : waiting.get(message.id)
    if (!call) return
    waiting.delete(message.id!)
    if (message.error) call.reject(errorOf(message.error))
    else call.resolve(message.result!)
    if (waiting.size === 0) {
      worker.unref()
      idle?.()
    }
  })
  return {
    call<T>(message: object) {
      const id = nextId++
      worker.ref()
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (result: never) => void, reject })
        worker.postMessage({ ...message, id })
      })
    },
    failAll(error) {
      for (const call of waiting.values()) call.reject(error)
      waiting.clear()
    },
  }
}
