import { describe, expect, it } from 'vitest'
import { Browser, testApp } from '../support/app.ts'

describe('admin pages', () => {
  it('need sign-in, then the admin role', async () => {
    const t = await testApp()
    const anon = new Browser(t)
    const res = await anon.get('/can-bo/quan-tri/cai-dat')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/dang-nhap?next=%2Fcan-bo%2Fquan-tri%2Fcai-dat')
    const admin = await t.token()
    await t.json('/api/v1/users', 'POST', { username: 'tiepdan', displayName: 'Cán bộ tiếp dân', password: 'mat-khau-tiep-dan', roles: ['tiep_dan'] }, admin)
    const officer = new Browser(t)
    await officer.login('tiepdan', 'mat-khau-tiep-dan')
    expect((await officer.get('/can-bo/quan-tri/cai-dat')).status).toBe(403)
    expect((await officer.get('/can-bo')).status).toBe(200)
  })

  it('settings form: errors next to the fields with the input kept; valid input saved', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.login()
    const page = await b.get('/can-bo/quan-tri/cai-dat')
    expect(await page.text()).toContain('2026-02-16')
    const before = t.dump('settings')
    const bad = await b.post('/can-bo/quan-tri/cai-dat', {
      homeAgencyCode: 'UBND_TINH',
      boardName: 'Ban Tiếp công dân tỉnh',
      localityName: '',
      largeGroupThreshold: 'năm',
      holidays: '30/04/2026\n31/02/2026',
      extraWorkingDays: '',
    })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('Tên địa phương không được để trống.')
    expect(html).toContain('Ngưỡng đoàn đông người phải là một số.')
    expect(html).toContain('phải có dạng YYYY-MM-DD')
    expect(html).toContain('31/02/2026') // what the user typed is kept
    expect(html).toContain('value="năm"')
    expect(t.dump('settings')).toEqual(before)

    const good = await b.post('/can-bo/quan-tri/cai-dat', {
      homeAgencyCode: 'UBND_TINH',
      boardName: 'Ban Tiếp công dân tỉnh',
      localityName: 'tỉnh Quảng Ngãi',
      largeGroupThreshold: '6',
      holidays: '30/04/2026\n2026-05-01',
      extraWorkingDays: '22/08/2026',
    })
    expect(good.status).toBe(303)
    const settings = (await (await t.json('/api/v1/settings', 'GET', undefined, await t.token())).json()) as { holidays: string[]; largeGroupThreshold: number }
    expect(settings.holidays).toEqual(['2026-04-30', '2026-05-01'])
    expect(settings.largeGroupThreshold).toBe(6)
    expect(await (await b.get(good.headers.get('location')!)).text()).toContain('Đã lưu cài đặt.')
  })

  it('agency list searches without diacritics and edits an agency', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.login()
    const found = await (await b.get('/can-bo/quan-tri/co-quan?q=son%20tay')).text()
    expect(found).toContain('Ủy ban nhân dân xã Sơn Tây')
    expect(found).not.toContain('Sở Y tế')
    const form = await (await b.get('/can-bo/quan-tri/co-quan/UBND_XA_SON_TAY')).text()
    expect(form).toContain('value="Ủy ban nhân dân xã Sơn Tây"')
    const res = await b.post('/can-bo/quan-tri/co-quan/UBND_XA_SON_TAY', {
      name: 'Ủy ban nhân dân xã Sơn Tây',
      level: 'xa',
      kind: 'ubnd',
      parentCode: 'UBND_TINH',
      fields: ['dat_dai', 'xay_dung'],
      otherFields: 'thuy_san',
      areaCodes: 'XA_SON_TAY, XA_SON_TAY_2',
      validFrom: '2025-07-01',
      active: '1',
    })
    expect(res.status).toBe(303)
    const agencies = (await (await t.json('/api/v1/agencies?q=son%20tay', 'GET', undefined, await t.token())).json()) as Array<{ code: string; fields: string[]; areaCodes: string[] }>
    expect(agencies.find((a) => a.code === 'UBND_XA_SON_TAY')).toMatchObject({ fields: ['dat_dai', 'xay_dung', 'thuy_san'], areaCodes: ['XA_SON_TAY', 'XA_SON_TAY_2'] })
  })

  it('agency form refuses a loop in the tree and keeps the input', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.login()
    await b.get('/can-bo/quan-tri/co-quan/UBND_TINH')
    const before = t.dump('agencies')
    const res = await b.post('/can-bo/quan-tri/co-quan/UBND_TINH', { name: 'UBND tỉnh (sửa)', level: 'tinh', kind: 'ubnd', parentCode: 'UBND_XA_SON_TAY', active: '1' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('vòng lặp')
    expect(html).toContain('value="UBND tỉnh (sửa)"')
    expect(t.dump('agencies')).toEqual(before)
  })

  it('imports a CSV directory after a preview, in add/update mode', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.login()
    await b.get('/can-bo/quan-tri/co-quan/nhap')
    const csv = 'Mã,Tên cơ quan,Cấp,Loại,Mã cấp trên,Lĩnh vực\nUBND_XA_MOI,Ủy ban nhân dân xã Mới,xa,ubnd,UBND_TINH,dat_dai|xay_dung\nSO_YT,Sở Y tế tỉnh,tinh,so,UBND_TINH,y_te\n'
    const form = new FormData()
    form.append('file', new File([csv], 'danh-ba.csv', { type: 'text/csv' }))
    form.append('mode', 'bo_sung')
    const before = t.count('agencies')
    const preview = await b.postMultipart('/can-bo/quan-tri/co-quan/nhap', form)
    expect(preview.status).toBe(200)
    const html = await preview.text()
    expect(html).toMatch(/<strong>1<\/strong> cơ quan mới/)
    expect(html).toMatch(/<strong>1<\/strong> cơ quan được cập nhật/)
    expect(t.count('agencies')).toBe(before) // nothing stored before confirmation
    const payload = /name="payload" value="([^"]*)"/.exec(html)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    const done = await b.post('/can-bo/quan-tri/co-quan/nhap/xac-nhan', { mode: 'bo_sung', payload })
    expect(done.status).toBe(303)
    expect(t.count('agencies')).toBe(before + 1)
  })

  it('an import with errors lists them by line and stores nothing', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.login()
    await b.get('/can-bo/quan-tri/co-quan/nhap')
    const form = new FormData()
    form.append('file', new File(['code,name,level,kind\nOK1,Một,tinh,so\nX Y,,huyện,so\n'], 'x.csv'))
    const before = t.dump('agencies')
    const res = await b.postMultipart('/can-bo/quan-tri/co-quan/nhap', form)
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('dòng 3 (name): Tên cơ quan không được để trống.')
    expect(html).toContain('dòng 3 (level)')
    expect(t.dump('agencies')).toEqual(before)
  })

  it('creates an account; a duplicate username re-shows the form', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.login()
    await b.get('/can-bo/quan-tri/tai-khoan')
    const ok = await b.post('/can-bo/quan-tri/tai-khoan', { username: 'xuly1', displayName: 'Võ Thị Em', password: 'mat-khau-xu-ly-1', roles: ['xu_ly_don', 'lanh_dao'], agencyCode: '' })
    expect(ok.status).toBe(303)
    const dup = await b.post('/can-bo/quan-tri/tai-khoan', { username: 'xuly1', displayName: 'Người khác', password: 'mat-khau-xu-ly-2', roles: ['tiep_dan'] })
    expect(dup.status).toBe(422)
    const html = await dup.text()
    expect(html).toContain('đã có người dùng')
    expect(html).toContain('value="Người khác"')
  })

  it('unknown pages are 404 in Vietnamese', async () => {
    const t = await testApp()
    const res = await t.request('/khong-co-trang-nay')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('Không tìm thấy trang')
    const api = await t.request('/api/v1/khong-co')
    expect(api.status).toBe(404)
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })
})

describe('deadline table page', () => {
  it('changes a row, adds one and deletes one; a bad row is shown back with its message', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.login()
    const page = await (await b.get('/can-bo/quan-tri/thoi-han')).text()
    expect(page).toContain('Điều 27 Luật Khiếu nại 2011')
    expect(page).toContain('Cơ quan quản lý lĩnh vực tại địa bàn')
    const settings = (await (await t.json('/api/v1/settings', 'GET', undefined, await t.token())).json()) as { deadlines: Array<Record<string, string | number | null>> }
    const col = (name: string, extra: string) => [...settings.deadlines.map((r) => (r[name] === null ? '' : String(r[name]))), extra]
    const fields = {
      rule: col('rule', 'D1'),
      variant: col('variant', 'vung_sau'),
      from: col('from', '2027-01-01'),
      to: col('to', ''),
      length: settings.deadlines.map((r) => (r.rule === 'D9' ? '6' : String(r.length))).concat('12'),
      unit: col('unit', 'ngay'),
      label: col('label', 'Xử lý đơn (vùng sâu)'),
      basis: col('basis', 'Quyết định của UBND tỉnh'),
      keep: settings.deadlines.map((r) => (r.rule === 'D13' ? '0' : '1')).concat('1'),
    }
    const bad = await b.post('/can-bo/quan-tri/thoi-han', { ...fields, length: fields.length.map((l, i) => (i === 0 ? 'mười' : l)) })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('Độ dài thời hạn phải là một số.')
    const ok = await b.post('/can-bo/quan-tri/thoi-han', fields)
    expect(ok.status).toBe(303)
    const after = (await (await t.json('/api/v1/settings', 'GET', undefined, await t.token())).json()) as { deadlines: Array<{ rule: string; variant: string; length: number; from: string | null }> }
    expect(after.deadlines.find((r) => r.rule === 'D9')?.length).toBe(6)
    expect(after.deadlines.some((r) => r.rule === 'D13')).toBe(false)
    expect(after.deadlines.find((r) => r.rule === 'D1' && r.variant === 'vung_sau')).toMatchObject({ length: 12, from: '2027-01-01' })
  })
})

describe('own account', () => {
  it('changes one\'s password after checking the current one', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.login()
    await b.get('/can-bo/tai-khoan')
    const wrong = await b.post('/can-bo/tai-khoan', { current: 'sai', password: 'mat-khau-moi-2026', confirm: 'mat-khau-moi-2026' })
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('Mật khẩu hiện tại không đúng.')
    const ok = await b.post('/can-bo/tai-khoan', { current: 'mat-khau-quan-tri-2026', password: 'mat-khau-moi-2026', confirm: 'mat-khau-moi-2026' })
    expect(ok.status).toBe(303)
    expect((await b.get('/can-bo')).status).toBe(200)
    expect(await t.token('admin', 'mat-khau-moi-2026')).toBeTruthy()
  })
})

describe('staff start page', () => {
  it('shows each role what waits for it, counted as the queue counts', async () => {
    const t = await testApp()
    const admin = await t.token()
    await t.json('/api/v1/users', 'POST', { username: 'xuly', displayName: 'Cán bộ xử lý', password: 'mat-khau-xu-ly-don', roles: ['xu_ly_don'] }, admin)
    const officer = await t.token('xuly', 'mat-khau-xu-ly-don')
    for (const day of ['2026-02-02', '2026-02-27']) {
      await t.json('/api/v1/letters', 'POST', { receivedAt: day, channel: 'buu_chinh', contentType: 'kien_nghi_phan_anh', summary: 'Đề nghị sửa đường.' }, officer)
    }
    const b = new Browser(t)
    await b.login('xuly', 'mat-khau-xu-ly-don')
    const html = await (await b.get('/can-bo')).text()
    // clock: 2026-03-02; the letter of 2 February is overdue, both are undecided
    expect(html).toMatch(/<a href="\/can-bo\/don\?tab=qua_han" class="work-count work-count--urgent"><strong>1<\/strong> quá hạn<\/a>/)
    expect(html).toMatch(/<strong>2<\/strong> mới, chờ quyết định/)
    expect(html).toContain('Vào sổ đơn mới')
    expect(html).not.toContain('Danh bạ cơ quan</h2>')
  })
})
