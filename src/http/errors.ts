/**
 * Client errors in the shape API.md fixes:
 * {"error":{"code","message","fields":[{"path","message"}]}} with a Vietnamese message.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export interface FieldError {
  path: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, fields: this.fields } }
  }
}

export const badRequest = (code: string, message: string, fields: FieldError[] = []) =>
  new ApiError(400, code, message, fields)
export const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'Cần đăng nhập: thiếu mã truy cập hoặc mã đã hết hạn.')
export const forbidden = (message = 'Tài khoản không có quyền thực hiện thao tác này.') =>
  new ApiError(403, 'forbidden', message)
export const notFound = (message = 'Không tìm thấy.') => new ApiError(404, 'not_found', message)
export const conflict = (message: string) => new ApiError(409, 'conflict', message)
export const invalid = (fields: FieldError[], message = 'Dữ liệu không hợp lệ, xem chi tiết từng trường.') =>
  new ApiError(422, 'validation_failed', message, fields)
export const tooLarge = () => new ApiError(413, 'payload_too_large', 'Dữ liệu gửi lên vượt quá dung lượng cho phép.')
export const unsupportedMediaType = () =>
  new ApiError(415, 'unsupported_media_type', 'Dữ liệu phải gửi dưới dạng JSON (Content-Type: application/json).')
export const tooManyRequests = (message: string) => new ApiError(429, 'too_many_requests', message)
