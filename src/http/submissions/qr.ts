/**
 * A QR code as one SVG path, drawn from the matrix of `qrcode`'s encoder core: no canvas, no
 * PNG, no Node API, so the receipt renders the same on Node and Workers, and prints sharp.
 */
import qrcode from 'qrcode/lib/core/qrcode.js'

export interface QrSvg {
  /** Width and height of the symbol including the quiet zone, in modules. */
  size: number
  /** The dark modules as one path: `M x y h1 v1 h-1 z` per run. */
  path: string
}

/** The quiet zone the standard asks for around the symbol (4 modules). */
const QUIET = 4

export function qrSvg(text: string): QrSvg {
  // M (15 % recovery) keeps a status URL at version 4-5: large modules, easy for cheap cameras
  const { modules } = qrcode.create(text, { errorCorrectionLevel: 'M' })
  const n = modules.size
  const parts: string[] = []
  for (let row = 0; row < n; row++) {
    let col = 0
    while (col < n) {
      if (!modules.data[row * n + col]) {
        col++
        continue
      }
      // one rectangle per horizontal run of dark modules keeps the path short
      const start = col
      while (col < n && modules.data[row * n + col]) col++
      parts.push(`M${start + QUIET} ${row + QUIET}h${col - start}v1h${start - col}z`)
    }
  }
  return { size: n + 2 * QUIET, path: parts.join('') }
}
