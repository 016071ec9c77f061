/**
 * The synthetic data's generator in a worker thread (seedSynthetic with `thread`): makes the rows
 * while the main thread writes the previous chunk, at most MAX_CHUNKS_AHEAD chunks ahead.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { MAX_CHUNKS_AHEAD, generateSynthetic, type ThreadData } from './generate.ts'

const { options, context, ahead } = workerData as ThreadData
const counts = generateSynthetic(options, context, (rows, done) => {
  for (let n = Atomics.load(ahead, 0); n >= MAX_CHUNKS_AHEAD; n = Atomics.load(ahead, 0)) Atomics.wait(ahead, 0, n)
  Atomics.add(ahead, 0, 1)
  parentPort!.postMessage({ rows, done })
})
parentPort!.postMessage({ counts })
