/** Admin pages (/can-bo/quan-tri): settings, the agency directory and its import, accounts. */
import { Hono, type Context } from 'hono'
import { ancestorsOf, directoryProblems, type Agency } from '../../domain/agency.ts'
import { directoryToCsv, readDirectoryFile } from '../../domain/directory-file.ts'
import { viCollator } from '../../domain/text.ts'
import { CONVENTION_LABELS, type Conventions } from '../../domain/settings.ts'
import { listAgencies, saveDirectory } from '../../db/agencies.ts'
import { loadSettings, saveSettings } from '../../db/settings.ts'
import { createUser, listUsers, updateUser } from '../../db/users.ts'
import { AgenciesPage } from '../../../views/pages/admin/AgenciesPage.tsx'
import { AgencyFormPage, agencyToForm, emptyAgencyForm, type AgencyForm } from '../../../views/pages/admin/AgencyFormPage.tsx'
import { ImportPage, ImportPreviewPage, type ImportMode } from '../../../views/pages/admin/ImportPage.tsx'
import { SettingsPage, type SettingsForm } from '../../../views/pages/admin/SettingsPage.tsx'
import { DeadlinesPage, deadlineFormRows, type DeadlineFormRow } from '../../../views/pages/admin/DeadlinesPage.tsx'
import { UserEditPage, UsersPage, emptyUserForm, type UserForm } from '../../../views/pages/admin/UsersPage.tsx'
import type { AppEnv } from '../env.ts'
import { notFound, type FieldError } from '../errors.ts'
import { hashPassword } from '../auth/crypto.ts'
import { pageRequires } from '../auth/pages.ts'
import { actorOf } from '../auth/session.ts'
import { checkedSettingsUpdate } from '../api/settings.ts'
import { userUpdateProblems } from '../api/users.ts'
import { dateLines, errorsByField, formFile, formList, formText, readForm, safeParseForm, splitCodes } from '../form.ts'
import { render } from '../render.tsx'
import { AgencySchema, DirectorySchema } from '../schemas/agency.ts'
import { SettingsUpdateSchema } from '../schemas/settings.ts'
import { NewUserSchema, UserUpdateSchema } from '../schemas/user.ts'

const FLASH: Record<string, string> = {
  'cai-dat': 'Đã lưu cài đặt.',
  'co-quan': 'Đã lưu cơ quan.',
  'nhap': 'Đã nhập danh bạ.',
  'tai-khoan': 'Đã lưu tài khoản.',
  'thoi-han': 'Đã lưu bảng thời hạn.',
}
const flashOf = (key: string | undefined) => (key ? (FLASH[key] ?? null) : null)

/** Tree order: each agency followed by its children, names in Vietnamese order. */
function treeOrder(agencies: readonly Agency[]): { ordered: Agency[]; depth: Map<string, number> } {
  const byCode = new Map(agencies.map((a) => [a.code, a]))
  const children = new Map<string | null, Agency[]>()
  for (const a of agencies) {
    const parent = a.parentCode && byCode.has(a.parentCode) ? a.parentCode : null
    children.set(parent, [...(children.get(parent) ?? []), a])
  }
  const ordered: Agency[] = []
  const depth = new Map<string, number>()
  const visit = (parent: string | null, level: number) => {
    const list = (children.get(parent) ?? []).sort(
      (x, y) => Number(x.active === false) - Number(y.active === false) || viCollator.compare(x.name, y.name),
    )
    for (const a of list) {
      if (depth.has(a.code)) continue
      depth.set(a.code, level)
      ordered.push(a)
      visit(a.code, level + 1)
    }
  }
  visit(null, 0)
  return { ordered, depth }
}

const settingsForm = (s: Awaited<ReturnType<typeof loadSettings>>): SettingsForm => ({
  homeAgencyCode: s.homeAgencyCode ?? '',
  boardName: s.boardName,
  localityName: s.localityName,
  largeGroupThreshold: String(s.largeGroupThreshold),
  holidays: s.holidays.join('\n'),
  extraWorkingDays: s.extraWorkingDays.join('\n'),
  centralAgencyCode: s.centralAgencyCode ?? '',
  duplicateSimilarity: String(s.duplicateSimilarity).replace('.', ','),
  conventions: s.conventions,
})

const agencyFromForm = (f: AgencyForm) => ({
  code: f.code,
  name: f.name,
  level: f.level,
  kind: f.kind,
  parentCode: f.parentCode || null,
  fields: [...f.fields, ...splitCodes(f.otherFields)],
  areaCodes: splitCodes(f.areaCodes),
  headTitle: f.headTitle || null,
  address: f.address || null,
  validFrom: f.validFrom || null,
  validTo: f.validTo || null,
  active: f.active,
})

const readAgencyForm = (body: Awaited<ReturnType<typeof readForm>>): AgencyForm => ({
  code: formText(body, 'code', 64).trim(),
  name: formText(body, 'name', 300),
  level: formText(body, 'level', 20),
  kind: formText(body, 'kind', 40),
  parentCode: formText(body, 'parentCode', 64),
  fields: formList(body, 'fields'),
  otherFields: formText(body, 'otherFields', 2000),
  areaCodes: formText(body, 'areaCodes', 20000),
  headTitle: formText(body, 'headTitle', 200),
  address: formText(body, 'address', 300),
  validFrom: formText(body, 'validFrom', 20),
  validTo: formText(body, 'validTo', 20),
  active: formText(body, 'active') === '1',
})

export const adminPages = new Hono<AppEnv>()
  // ----- settings -----
  .get('/cai-dat', pageRequires('manage_settings'), async (c) => {
    const { db } = c.get('deps')
    const [settings, agencies] = await Promise.all([loadSettings(db), listAgencies(db)])
    return render(c, <SettingsPage form={settingsForm(settings)} agencies={agencies} flash={flashOf(c.req.query('ok'))} />)
  })
  .post('/cai-dat', pageRequires('manage_settings'), async (c) => {
    const { db, now } = c.get('deps')
    const body = await readForm(c)
    const form: SettingsForm = {
      homeAgencyCode: formText(body, 'homeAgencyCode', 64),
      boardName: formText(body, 'boardName', 200),
      localityName: formText(body, 'localityName', 200),
      largeGroupThreshold: formText(body, 'largeGroupThreshold', 10),
      holidays: formText(body, 'holidays', 50_000),
      extraWorkingDays: formText(body, 'extraWorkingDays', 50_000),
      centralAgencyCode: formText(body, 'centralAgencyCode', 64),
      duplicateSimilarity: formText(body, 'duplicateSimilarity', 10),
      conventions: Object.fromEntries(
        (Object.keys(CONVENTION_LABELS) as Array<keyof Conventions>).map((key) => [key, formList(body, 'conventions').includes(key)]),
      ) as unknown as Conventions,
    }
    const similarity = Number(form.duplicateSimilarity.trim().replace(',', '.'))
    const threshold = form.largeGroupThreshold.trim() === '' ? Number.NaN : Number(form.largeGroupThreshold)
    const parsed = safeParseForm(SettingsUpdateSchema, {
      homeAgencyCode: form.homeAgencyCode || null,
      boardName: form.boardName,
      localityName: form.localityName,
      largeGroupThreshold: Number.isNaN(threshold) ? form.largeGroupThreshold : threshold,
      holidays: dateLines(form.holidays),
      extraWorkingDays: dateLines(form.extraWorkingDays),
      centralAgencyCode: form.centralAgencyCode || null,
      duplicateSimilarity: form.duplicateSimilarity.trim() === '' ? undefined : Number.isNaN(similarity) ? form.duplicateSimilarity : similarity,
      // the switches are only read from a form that showed them (unchecked boxes send nothing)
      conventions: formText(body, 'conventionsShown') === '1' ? form.conventions : undefined,
    })
    let errors: FieldError[] = parsed.ok ? [] : parsed.errors
    if (parsed.ok) {
      const checked = await checkedSettingsUpdate(db, parsed.value)
      errors = checked.errors
      if (errors.length === 0) {
        await saveSettings(db, checked.changes, actorOf(c.get('user')!), now())
        return c.redirect('/can-bo/quan-tri/cai-dat?ok=cai-dat', 303)
      }
    }
    const agencies = await listAgencies(db)
    return render(c, <SettingsPage form={form} agencies={agencies} errors={errorsByField(errors)} />, 422)
  })

  // ----- deadline table -----
  .get('/thoi-han', pageRequires('manage_settings'), async (c) => {
    const settings = await loadSettings(c.get('deps').db)
    return render(c, <DeadlinesPage rows={deadlineFormRows(settings.deadlines)} competenceRules={settings.competenceRules} flash={flashOf(c.req.query('ok'))} />)
  })
  .post('/thoi-han', pageRequires('manage_settings'), async (c) => {
    const { db, now } = c.get('deps')
    const body = await readForm(c)
    const column = (name: string) => formList(body, name)
    const rules = column('rule')
    const rows: DeadlineFormRow[] = rules.map((rule, i) => ({
      rule,
      variant: column('variant')[i] ?? 'thuong',
      from: column('from')[i] ?? '',
      to: column('to')[i] ?? '',
      length: column('length')[i] ?? '',
      unit: column('unit')[i] ?? 'ngay',
      label: column('label')[i] ?? '',
      basis: column('basis')[i] ?? '',
      keep: column('keep')[i] ?? '1',
    }))
    // the blank "add" row counts only when a rule was picked; "Xóa" drops a row
    const kept = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.keep !== '0' && r.rule !== '')
    const parsed = safeParseForm(SettingsUpdateSchema, {
      deadlines: kept.map(({ r }) => ({
        rule: r.rule,
        variant: r.variant,
        from: r.from || null,
        to: r.to || null,
        length: /^\d+$/.test(r.length.trim()) ? Number(r.length) : r.length,
        unit: r.unit,
        label: r.label,
        basis: r.basis,
      })),
    })
    if (parsed.ok) {
      await saveSettings(db, { deadlines: parsed.value.deadlines }, actorOf(c.get('user')!), now())
      return c.redirect('/can-bo/quan-tri/thoi-han?ok=thoi-han', 303)
    }
    const errors: Record<string, string> = {}
    for (const e of parsed.errors) {
      const [, index] = e.path.split('.')
      const row = index !== undefined ? kept[Number(index)]?.i : undefined
      const key = row === undefined ? 'form' : `row${row}`
      errors[key] ??= e.message
    }
    const settings = await loadSettings(db)
    return render(c, <DeadlinesPage rows={rows.filter((r) => r.rule !== '')} competenceRules={settings.competenceRules} errors={errors} />, 422)
  })

  // ----- agencies -----
  .get('/co-quan', pageRequires('manage_agencies'), async (c) => {
    const { db } = c.get('deps')
    const q = (c.req.query('q') ?? '').slice(0, 200)
    const all = await listAgencies(db)
    const { ordered, depth } = treeOrder(all)
    const shown = q.trim() ? (await listAgencies(db, { q })).sort((a, b) => viCollator.compare(a.name, b.name)) : ordered
    return render(
      c,
      <AgenciesPage agencies={shown} depth={q.trim() ? new Map() : depth} q={q} total={all.length} flash={flashOf(c.req.query('ok'))} />,
    )
  })
  .get('/co-quan/tai-ve.csv', pageRequires('manage_agencies'), async (c) => {
    const agencies = await listAgencies(c.get('deps').db)
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', 'attachment; filename="danh-ba-co-quan.csv"')
    return c.body(directoryToCsv(agencies))
  })
  .get('/co-quan/tai-ve.json', pageRequires('manage_agencies'), async (c) => {
    const agencies = await listAgencies(c.get('deps').db)
    c.header('Content-Disposition', 'attachment; filename="danh-ba-co-quan.json"')
    return c.json(agencies.map(({ active, ...a }) => ({ ...a, active: active !== false })))
  })
  .get('/co-quan/moi', pageRequires('manage_agencies'), async (c) => {
    const parents = await listAgencies(c.get('deps').db)
    return render(c, <AgencyFormPage form={emptyAgencyForm} isNew parents={parents} />)
  })
  .get('/co-quan/nhap', pageRequires('manage_agencies'), (c) => render(c, <ImportPage />))
  .post('/co-quan/nhap', pageRequires('manage_agencies'), async (c) => {
    const { db } = c.get('deps')
    const body = await readForm(c)
    const mode: ImportMode = formText(body, 'mode') === 'thay_toan_bo' ? 'thay_toan_bo' : 'bo_sung'
    const file = formFile(body, 'file')
    if (!file) return render(c, <ImportPage mode={mode} errors={{ file: 'Chọn một tệp CSV hoặc JSON.' }} />, 422)
    const read = readDirectoryFile(await file.text(), file.name)
    if (!read.ok) return render(c, <ImportPage mode={mode} errors={{ file: read.message }} />, 422)
    const existing = await listAgencies(db)
    const parsed = safeParseForm(DirectorySchema, read.records)
    const problems = parsed.ok
      ? directoryProblems(parsed.value, new Set(existing.map((a) => a.code))).map((p) => ({ path: p.path, message: p.message }))
      : parsed.errors
    if (problems.length > 0) {
      const located = problems.map((p) => {
        const [index, ...rest] = p.path.split('.')
        const where = index !== undefined && /^\d+$/.test(index) ? read.rowOf(Number(index)) : 'tệp'
        return `${where}${rest.length ? ` (${rest.join('.')})` : ''}: ${p.message}`
      })
      return render(c, <ImportPage mode={mode} problems={located} />, 422)
    }
    const agencies = parsed.ok ? parsed.value : []
    const existingCodes = new Set(existing.map((a) => a.code))
    const listed = new Set(agencies.map((a) => a.code))
    return render(
      c,
      <ImportPreviewPage
        mode={mode}
        payload={JSON.stringify(agencies)}
        created={agencies.filter((a) => !existingCodes.has(a.code)).map((a) => a.code)}
        updated={agencies.filter((a) => existingCodes.has(a.code)).map((a) => a.code)}
        removed={existing.filter((a) => !listed.has(a.code)).map((a) => a.name)}
      />,
    )
  })
  .post('/co-quan/nhap/xac-nhan', pageRequires('manage_agencies'), async (c) => {
    const { db, now } = c.get('deps')
    const body = await readForm(c)
    const mode: ImportMode = formText(body, 'mode') === 'thay_toan_bo' ? 'thay_toan_bo' : 'bo_sung'
    let records: unknown
    try {
      records = JSON.parse(formText(body, 'payload', 5_000_000))
    } catch {
      return render(c, <ImportPage mode={mode} errors={{ file: 'Dữ liệu xem trước bị hỏng, vui lòng chọn lại tệp.' }} />, 422)
    }
    // validated again: the preview's hidden field came back from the browser
    const existing = await listAgencies(db)
    const parsed = safeParseForm(DirectorySchema, records)
    const problems = parsed.ok ? directoryProblems(parsed.value, new Set(existing.map((a) => a.code))) : parsed.errors
    if (!parsed.ok || problems.length > 0) {
      return render(c, <ImportPage mode={mode} errors={{ file: 'Dữ liệu không hợp lệ, vui lòng chọn lại tệp.' }} />, 422)
    }
    await saveDirectory(db, parsed.value, { removeUnlisted: mode === 'thay_toan_bo' }, actorOf(c.get('user')!), now())
    return c.redirect('/can-bo/quan-tri/co-quan?ok=nhap', 303)
  })
  .post('/co-quan/moi', pageRequires('manage_agencies'), async (c) => saveAgencyForm(c, true))
  .get('/co-quan/:code', pageRequires('manage_agencies'), async (c) => {
    const agencies = await listAgencies(c.get('deps').db)
    const agency = agencies.find((a) => a.code === c.req.param('code'))
    if (!agency) throw notFound('Không tìm thấy cơ quan.')
    return render(c, <AgencyFormPage form={agencyToForm(agency)} isNew={false} parents={agencies} />)
  })
  .post('/co-quan/:code', pageRequires('manage_agencies'), async (c) => saveAgencyForm(c, false))

  // ----- accounts -----
  .get('/tai-khoan', pageRequires('manage_users'), async (c) => {
    const { db } = c.get('deps')
    const [users, agencies] = await Promise.all([listUsers(db), listAgencies(db)])
    return render(c, <UsersPage users={users} agencies={agencies} form={emptyUserForm} flash={flashOf(c.req.query('ok'))} />)
  })
  .post('/tai-khoan', pageRequires('manage_users'), async (c) => {
    const { db, now } = c.get('deps')
    const body = await readForm(c)
    const form: UserForm = {
      username: formText(body, 'username', 64),
      displayName: formText(body, 'displayName', 120),
      roles: formList(body, 'roles'),
      agencyCode: formText(body, 'agencyCode', 64),
      active: true,
    }
    const parsed = safeParseForm(NewUserSchema, { ...form, password: formText(body, 'password', 256), agencyCode: form.agencyCode || null })
    const agencies = await listAgencies(db)
    let errors = parsed.ok ? [] : parsed.errors
    if (parsed.ok) {
      const input = parsed.value
      if (input.agencyCode && !agencies.some((a) => a.code === input.agencyCode)) {
        errors = [{ path: 'agencyCode', message: 'Cơ quan không có trong danh bạ.' }]
      } else {
        const user = await createUser(db, { ...input, passwordHash: await hashPassword(input.password) }, actorOf(c.get('user')!), now())
        if (user) return c.redirect('/can-bo/quan-tri/tai-khoan?ok=tai-khoan', 303)
        errors = [{ path: 'username', message: `Tên đăng nhập "${input.username}" đã có người dùng.` }]
      }
    }
    const users = await listUsers(db)
    return render(c, <UsersPage users={users} agencies={agencies} form={form} errors={errorsByField(errors)} />, 422)
  })
  .get('/tai-khoan/:id', pageRequires('manage_users'), async (c) => {
    const { db } = c.get('deps')
    const [users, agencies] = await Promise.all([listUsers(db), listAgencies(db)])
    const user = users.find((u) => u.id === c.req.param('id'))
    if (!user) throw notFound('Không tìm thấy tài khoản.')
    const form: UserForm = { username: user.username, displayName: user.displayName, roles: user.roles, agencyCode: user.agencyCode ?? '', active: user.active }
    return render(c, <UserEditPage user={user} agencies={agencies} form={form} />)
  })
  .post('/tai-khoan/:id', pageRequires('manage_users'), async (c) => {
    const { db, now } = c.get('deps')
    const [users, agencies] = await Promise.all([listUsers(db), listAgencies(db)])
    const user = users.find((u) => u.id === c.req.param('id'))
    if (!user) throw notFound('Không tìm thấy tài khoản.')
    const body = await readForm(c)
    const form: UserForm = {
      username: user.username,
      displayName: formText(body, 'displayName', 120),
      roles: formList(body, 'roles'),
      agencyCode: formText(body, 'agencyCode', 64),
      active: formText(body, 'active') === '1',
    }
    const password = formText(body, 'password', 256)
    const parsed = safeParseForm(UserUpdateSchema, {
      displayName: form.displayName,
      roles: form.roles,
      agencyCode: form.agencyCode || null,
      active: form.active,
      ...(password ? { password } : {}),
    })
    let errors = parsed.ok ? userUpdateProblems(users, user.id, parsed.value) : parsed.errors
    if (parsed.ok && errors.length === 0) {
      const input = parsed.value
      const updated = await updateUser(
        db,
        user.id,
        { ...input, passwordHash: input.password === undefined ? undefined : await hashPassword(input.password) },
        actorOf(c.get('user')!),
        now(),
      )
      if (updated) return c.redirect('/can-bo/quan-tri/tai-khoan?ok=tai-khoan', 303)
      errors = [{ path: 'form', message: 'Không lưu được tài khoản.' }]
    }
    return render(c, <UserEditPage user={user} agencies={agencies} form={form} errors={errorsByField(errors)} />, 422)
  })

async function saveAgencyForm(c: Context<AppEnv>, isNew: boolean) {
  const { db, now } = c.get('deps')
  const agencies = await listAgencies(db)
  const body = await readForm(c)
  const form = readAgencyForm(body)
  if (!isNew) {
    const current = agencies.find((a) => a.code === c.req.param('code'))
    if (!current) throw notFound('Không tìm thấy cơ quan.')
    form.code = current.code
  }
  const parsed = safeParseForm(AgencySchema, agencyFromForm(form))
  const errors: FieldError[] = parsed.ok ? [] : parsed.errors
  if (parsed.ok) {
    const agency = parsed.value
    if (isNew && agencies.some((a) => a.code === agency.code)) {
      errors.push({ path: 'code', message: `Mã "${agency.code}" đã được dùng cho cơ quan khác.` })
    }
    // the edited agency replaces its stored version when checking the tree
    const tree = [...agencies.filter((a) => a.code !== agency.code), agency]
    const problem = directoryProblems(tree).find((p) => tree[p.index]?.code === agency.code)
    if (problem) errors.push({ path: 'parentCode', message: problem.message })
    if (agency.parentCode && ancestorsOf(agency.parentCode, new Map(tree.map((a) => [a.code, a]))).some((a) => a.code === agency.code)) {
      errors.push({ path: 'parentCode', message: 'Quan hệ cấp trên tạo thành vòng lặp.' })
    }
    if (errors.length === 0) {
      await saveDirectory(db, [agency], { removeUnlisted: false }, actorOf(c.get('user')!), now())
      return c.redirect('/can-bo/quan-tri/co-quan?ok=co-quan', 303)
    }
  }
  return render(c, <AgencyFormPage form={form} isNew={isNew} parents={agencies} errors={errorsByField(errors)} />, 422)
}
