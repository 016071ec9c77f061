/**
 * Attachment bytes in Cloudflare R2 (Workers): the binding `ATTACHMENTS` of wrangler.toml.
 * Typed structurally, like the D1 adapter, so the Node build type-checks without
 * workers-types; the real `R2Bucket` satisfies `R2Like`.
 */
import type { AttachmentStore } from './attachments.ts'

export interface R2Like {
  put(key: string, value: Uint8Array | ArrayBuffer, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>
  delete(key: string): Promise<void>
}

export function r2AttachmentStore(bucket: R2Like): AttachmentStore {
  return {
    async put(key, bytes, mediaType) {
      // the stored content type is the sniffed one; R2 never serves these objects publicly
      await bucket.put(key, bytes, { httpMetadata: { contentType: mediaType } })
    },
    async get(key) {
      const object = await bucket.get(key)
      return object ? new Uint8Array(await object.arrayBuffer()) : null
    },
    async delete(key) {
      await bucket.delete(key)
    },
  }
}
