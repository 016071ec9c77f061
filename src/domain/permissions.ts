/**
 * Who may do what. One table, so a reviewer can read the whole access policy in one place.
 * A denouncer's identity is visible only to the roles that handle denunciations (RULES.md §6).
 */
import type { Role } from './codes.ts'

export const PERMISSIONS = {
  manage_settings: ['admin'],
  manage_agencies: ['admin'],
  manage_users: ['admin'],
  view_directory: ['admin', 'tiep_dan', 'xu_ly_don', 'lanh_dao', 'bao_cao', 'co_quan'],
  register_letter: ['tiep_dan', 'xu_ly_don', 'lanh_dao'],
  decide_letter: ['xu_ly_don', 'lanh_dao'],
  view_letters: ['tiep_dan', 'xu_ly_don', 'lanh_dao', 'bao_cao'],
  view_denouncer_identity: ['tiep_dan', 'xu_ly_don', 'lanh_dao'],
  record_reception: ['tiep_dan', 'lanh_dao'],
  view_reports: ['bao_cao', 'lanh_dao', 'xu_ly_don', 'admin'],
  agency_reply: ['co_quan'],
  /** A written follow-up request (đôn đốc) to an agency late with its reply: those who forward letters. */
  send_follow_up: ['xu_ly_don', 'lanh_dao'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export const can = (roles: readonly Role[], permission: Permission): boolean =>
  roles.some((role) => (PERMISSIONS[permission] as readonly Role[]).includes(role))
