/**
 * The real Node server (`node --import tsx <entry>`, or `node <bundle>.mjs` for a bundle of
 * scripts/build-node.mjs as `npm start` runs it) as a child process on a free loopback port,
 * for the robustness tests, the soak and the benchmarks: started on a given database file, killed
 * with any signal, restarted on the same file.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const NODE_ENTRY = 'src/entry/node.ts'

export const TEST_ADMIN = { username: 'admin', password: 'mat-khau-kiem-thu-ben-bi-2026' }

export interface ServerProcess {
  proc: ChildProcess
  pid: number
  port: number
  origin: string
  /** Everything the process wrote, for failure messages. */
  output(): string
  /** Resolves when the process has exited. */
  exited: Promise<number | null>
  kill(signal?: NodeJS.Signals): Promise<number | null>
}

export interface StartOptions {
  dbFile: string
  /** The script to run; default the real entry point (src/entry/node.ts). A `.mjs` bundle runs on plain node. */
  entry?: string
  env?: Record<string, string>
  timeoutMs?: number
}

/** Starts the server and waits for its "listening" line (the port comes from that line). */
export function startServer(o: StartOptions): Promise<ServerProcess> {
  const entry = o.entry ?? NODE_ENTRY
  const proc = spawn(process.execPath, entry.endsWith('.mjs') ? ['--enable-source-maps', entry] : ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      PAKN_DB: o.dbFile,
      PAKN_ADMIN_USER: TEST_ADMIN.username,
      PAKN_ADMIN_PASSWORD: TEST_ADMIN.password,
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL')
      reject(new Error(`server did not start within ${o.timeoutMs ?? 20_000} ms:\n${log}`))
    }, o.timeoutMs ?? 20_000)
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      const match = /http:\/\/localhost:(\d+)/.exec(log)
      if (match) {
        clearTimeout(timer)
        const port = Number(match[1])
        resolve({
          proc,
          pid: proc.pid!,
          port,
          origin: `http://127.0.0.1:${port}`,
          output: () => log,
          exited,
          kill(signal = 'SIGTERM') {
            if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal)
            return exited
          },
        })
      }
    }
    proc.stdout!.on('data', onData)
    proc.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code}) before listening:\n${log}`))
    })
  })
}

/** Resident set size of a process in bytes (Linux /proc), or null when it cannot be read. */
export async function rssOf(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises')
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1]
    return kb ? Number(kb) * 1024 : null
  } catch {
    return null
  }
}

/**
 * A citizen submission body that is valid and distinct for each n (API.md, README example), from
 * a different person each time (as most submissions are: a person who writes again is the
 * exception, and duplicate detection then has a few earlier letters to compare, not hundreds).
 */
export function submissionBody(n: number, tag = 'kiem-thu') {
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ'][n % 6]
  const given = ['Văn An', 'Thị Lan', 'Minh Tuấn', 'Thị Hoa', 'Quốc Dũng', 'Ngọc Hà'][Math.floor(n / 6) % 6]
  return {
    contentType: 'kien_nghi_phan_anh' as const,
    senders: [{ name: `${family} ${given}`, address: `Số ${n + 1} đường liên thôn ${(n % 12) + 1}, xã Sơn Tây, tỉnh Quảng Ngãi`, phone: `09${String(n).padStart(8, '0')}` }],
    summary: `Đường liên thôn số ${n} xuống cấp, mùa mưa không đi lại được (${tag} ${n}).`,
    request: 'Đề nghị sửa chữa sớm.',
    field: 'giao_thong',
    location: 'XA_SON_TAY',
    declaration: true,
  }
}
