/**
 * What every page needs from the request without prop drilling: the CSRF token for forms,
 * the signed-in user for the header, and the current path for navigation.
 */
import { createContext, useContext } from 'hono/jsx'
import type { Role } from '../src/domain/codes.ts'

export interface PageUser {
  displayName: string
  username: string
  roles: Role[]
  agencyCode: string | null
}

export interface PageInfo {
  csrfToken: string
  user: PageUser | null
  path: string
}

export const PageContext = createContext<PageInfo>({ csrfToken: '', user: null, path: '/' })
export const usePage = () => useContext(PageContext)
