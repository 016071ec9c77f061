/**
 * The encoder core of `qrcode` (soldair/node-qrcode), imported directly: the package's main
 * entry pulls in Node's fs and a PNG writer, its core is plain JavaScript that runs on Node and
 * workerd alike. Only what pakn uses is declared.
 */
declare module 'qrcode/lib/core/qrcode.js' {
  export interface QrSymbol {
    modules: { size: number; data: Uint8Array; get(row: number, col: number): number | boolean }
    version: number
  }
  export function create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): QrSymbol
  const qrcode: { create: typeof create }
  export default qrcode
}
