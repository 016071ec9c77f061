/**
 * Codes people read and type (receipt codes of letters, matter codes): 8 characters of an
 * alphabet without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX.
 */
import { customAlphabet } from 'nanoid'

export const newRecordCode = customAlphabet('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 8)
