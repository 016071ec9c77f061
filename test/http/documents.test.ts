import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { SAMPLE_DIRECTORY } from '../../src/sample/directory.ts'
import { DOCUMENT_CSS } from '../../views/documents/document-css.ts'
import { Browser, testApp, type TestApp } from '../support/app.ts'

const PASSWORD = 'mat-khau-can-bo-123'

async function staff(t: TestApp, roles: string[], username = `u${Math.floor(Math.random() * 1e9)}`, agencyCode?: string) {
  const admin = await t.token()
  const res = await t.json('/api/v1/users', 'POST', { username, displayName: `Cán bộ ${username}`, password: PASSWORD, roles, agencyCode }, admin)
  if (res.status !== 201) throw new Error(await res.text())
  return t.token(username, PASSWORD)
}

const denouncer = { name: 'Lê Thị Hoa', address: 'Tổ 5, phường Cẩm Thành', idNumber: '051190004321', phone: '0912000111', email: 'lethihoa@example.vn', signed: true }
/** Every piece of the denouncer's identity, as typed and as it might be retyped in the letter's text. */
const IDENTITY = ['Lê Thị Hoa', 'Le Thi Hoa', 'LÊ THỊ HOA', 'Tổ 5, phường Cẩm Thành', '051190004321', '0912000111', '0912 000 111', 'lethihoa@example.vn']

const outsideDenunciation = {
  receivedAt: '2026-03-02',
  channel: 'buu_chinh',
  contentType: 'to_cao',
  writtenDate: '2026-02-27',
  field: 'y_te',
  senders: [denouncer],
  respondent: { agencyCode: 'SO_YT', person: 'Trưởng phòng Nghiệp vụ Y', isHead: false },
  act: 'Tôi là Le Thi Hoa (điện thoại 0912 000 111) tố cáo trưởng phòng nhận tiền của doanh nghiệp để cấp phép.',
  summary: 'Tố cáo cán bộ Sở Y tế nhận hối lộ.',
  hasEvidence: true,
}

const outsideComplaint = {
  receivedAt: '2026-03-02',
  channel: 'buu_chinh',
  contentType: 'khieu_nai',
  writtenDate: '2026-02-25',
  field: 'dat_dai',
  location: 'XA_SON_TAY',
  senders: [{ name: 'Đặng Văn Đức', address: 'Thôn 3, xã Sơn Tây', idNumber: '051080001234', phone: '0905123456', signed: true }],
  respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'Trần Văn Bình', isHead: true },
  summary: 'Khiếu nại Quyết định số 12/QĐ-UBND thu hồi 300 m² đất nông nghiệp của gia đình tôi.',
  request: 'Đề nghị hủy Quyết định số 12/QĐ-UBND và bồi thường đúng quy định.',
  complaintRound: 1,
  decision: { date: '2026-01-10', knownDate: '2026-02-12', number: '12/QĐ-UBND' },
}

interface DocumentItem {
  id: string
  template: string
  title: string
  issuedOn: string
  redacted: boolean
  addresseeAgencyCode: string | null
}

async function registerAndDecide(t: TestApp, token: string, letter: unknown, decision: unknown = {}) {
  const created = await t.json('/api/v1/letters', 'POST', letter, token)
  if (created.status !== 201) throw new Error(await created.text())
  const { id } = (await created.json()) as { id: string }
  const decided = await t.json(`/api/v1/letters/${id}/decision`, 'POST', decision, token)
  if (decided.status !== 200) throw new Error(await decided.text())
  const body = (await decided.json()) as { documents: DocumentItem[] }
  return { id, documents: body.documents }
}

/** The text of word/document.xml inside a .docx (a zip), tags removed so split runs cannot hide a name. */
async function docxText(res: Response) {
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
  const xml = strFromU8(files['word/document.xml']!)
  return { xml, text: xml.replace(/<[^>]+>/g, '') }
}

const expectNoIdentity = (where: string, content: string) => {
  for (const piece of IDENTITY) expect(content.normalize('NFC'), `${where} leaks "${piece}"`).not.toContain(piece)
}

describe('documents issued with the decision', () => {
  it('forwarding a denunciation issues the redacted Mẫu 03 slip and a notice to the denouncer, in the same batch', async () => {
    const t = await testApp()
    const officer = await staff(t, ['xu_ly_don', 'tiep_dan'])
    const { id, documents } = await registerAndDecide(t, officer, outsideDenunciation)
    expect(documents.map((d) => [d.template, d.redacted, d.addresseeAgencyCode])).toEqual([
      ['tt05_m03_chuyen_don_to_cao', true, 'SO_YT'],
      ['tc_thong_bao_chuyen_don', false, null],
    ])
    expect(documents[0]).toMatchObject({ title: 'Phiếu chuyển đơn tố cáo', issuedOn: '2026-03-02' })
    const rows = t.dump('documents') as Array<{ id: string; letter_id: string; template: string; redacted: number; content: string }>
    expect(rows.map((r) => [r.letter_id, r.template, r.redacted])).toEqual([
      [id, 'tt05_m03_chuyen_don_to_cao', 1],
      [id, 'tc_thong_bao_chuyen_don', 0],
    ])
    // the forwarding refers to the slip it was sent with
    const forwardings = t.dump('forwardings') as Array<{ letter_id: string; document_id: string; kind: string; agency_code: string }>
    expect(forwardings).toEqual([expect.objectContaining({ letter_id: id, kind: 'chuyen_don', agency_code: 'SO_YT', document_id: documents[0]!.id })])
    // the stored snapshot of the slip already has no identity
    expectNoIdentity('stored slip', rows[0]!.content)
  })

  it('a filed letter gets no document; a rejected decision stores none', async () => {
    const t = await testApp()
    const officer = await staff(t, ['xu_ly_don', 'tiep_dan'])
    const filed = await registerAndDecide(t, officer, { receivedAt: '2026-03-02', channel: 'hop_thu', contentType: 'khieu_nai' })
    expect(filed.documents).toEqual([])
    const { id } = (await (await t.json('/api/v1/letters', 'POST', outsideDenunciation, officer)).json()) as { id: string }
    const before = t.count('documents')
    expect((await t.json(`/api/v1/letters/${id}/decision`, 'POST', { outcome: 'thu_ly' }, officer)).status).toBe(422)
    expect(t.count('documents')).toBe(before)
  })

  it('a complaint received from 2026-07-01 gets the NĐ 155/2026 acceptance notice, an earlier one the NĐ 124/2020 one', async () => {
    const t = await testApp()
    const officer = await staff(t, ['xu_ly_don', 'tiep_dan'])
    // a second complaint against the commune's decision, in time: the province decides it
    const within = { ...outsideComplaint, complaintRound: 2, decision: { date: '2026-06-15', knownDate: '2026-06-20', number: '12/QĐ-UBND' } }
    const old = await registerAndDecide(t, officer, { ...within, receivedAt: '2026-06-30' })
    const reformed = await registerAndDecide(t, officer, { ...within, receivedAt: '2026-07-01', senders: [{ ...within.senders[0], name: 'Phạm Văn Khoa' }] })
    expect(old.documents.map((d) => d.template)).toEqual(['tt05_m01_de_xuat_thu_ly', 'nd124_m03_thong_bao_thu_ly'])
    expect(reformed.documents.map((d) => d.template)).toEqual(['tt05_m01_de_xuat_thu_ly', 'nd155_m03_thong_bao_thu_ly'])
    const notice = (await (await t.json(`/api/v1/letters/${reformed.id}/documents/${reformed.documents[1]!.id}`, 'GET', undefined, officer)).json()) as {
      form: string
      source: string
      content: { legalBasis: string[] }
    }
    expect(notice.form).toBe('Mẫu số 03')
    expect(notice.source).toContain('155/2026')
    expect(notice.content.legalBasis.join(' ')).toContain('Nghị định số 155/2026/NĐ-CP')
  })
})

describe('the denunciation forwarding slip never names the denouncer', () => {
  it('not in the JSON API, the HTML file, the .docx, the printable page or its .docx link — even for an officer who may see the identity', async () => {
    const t = await testApp()
    const officer = await staff(t, ['xu_ly_don', 'tiep_dan'], 'canbo1')
    const { id, documents } = await registerAndDecide(t, officer, outsideDenunciation)
    const slip = documents[0]!
    const base = `/api/v1/letters/${id}/documents/${slip.id}`

    const json = await t.json(base, 'GET', undefined, officer)
    expect(json.status).toBe(200)
    const jsonText = await json.text()
    expect(jsonText).toContain('thông tin được giữ bí mật theo Điều 56 Luật Tố cáo')
    expect(jsonText).toContain('Trưởng phòng Nghiệp vụ Y')
    expectNoIdentity('JSON', jsonText)

    const html = await t.json(`${base}?format=html`, 'GET', undefined, officer)
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toMatch(/^text\/html/)
    expect(html.headers.get('content-disposition')).toBe(`attachment; filename="phieu-chuyen-don-to-cao-${(await letterCode(t, id, officer))}.html"`)
    const htmlText = await html.text()
    expect(htmlText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(htmlText).toContain('PHIẾU CHUYỂN ĐƠN TỐ CÁO')
    expectNoIdentity('HTML file', htmlText)

    const docx = await t.json(`${base}?format=docx`, 'GET', undefined, officer)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    const word = await docxText(docx)
    expect(word.text).toContain('PHIẾU CHUYỂN ĐƠN TỐ CÁO')
    expect(word.text).toContain('Kính gửi: ')
    expect(word.text).toContain('Giám đốc Sở Y tế')
    expect(word.xml).toContain('Times New Roman')
    expectNoIdentity('docx XML', word.xml)
    expectNoIdentity('docx text', word.text)

    const browser = new Browser(t)
    await browser.login('canbo1', PASSWORD)
    const page = await browser.get(`/can-bo/don/${id}/van-ban/${slip.id}`)
    expect(page.status).toBe(200)
    const pageText = await page.text()
    expect(pageText).toContain('class="official-document"')
    expect(pageText).toContain('/static/css/document.css')
    expect(pageText).toContain('class="button print-button"')
    expect(pageText).toContain(`href="/can-bo/don/${id}/van-ban/${slip.id}.docx"`)
    expect(pageText).not.toMatch(/<script>(?!<\/script>)/)
    expectNoIdentity('page', pageText)
    const pageDocx = await browser.get(`/can-bo/don/${id}/van-ban/${slip.id}.docx`)
    expect(pageDocx.status).toBe(200)
    expectNoIdentity('page docx', (await docxText(pageDocx)).xml)
  })

  it('the receiving agency downloads the slip; the notice to the denouncer and other agencies stay out', async () => {
    const t = await testApp()
    const officer = await staff(t, ['xu_ly_don', 'tiep_dan'])
    const { id, documents } = await registerAndDecide(t, officer, outsideDenunciation)
    const [slip, notice] = documents
    const soYt = await staff(t, ['co_quan'], 'soyte', 'SO_YT')

    const list = await t.json(`/api/v1/letters/${id}/documents`, 'GET', undefined, soYt)
    expect(list.status).toBe(200)
    expect(((await list.json()) as { items: DocumentItem[] }).items.map((d) => d.id)).toEqual([slip!.id])
    const letter = (await (await t.json(`/api/v1/letters/${id}`, 'GET', undefined, soYt)).json()) as { documents: DocumentItem[] }
    expect(letter.documents.map((d) => d.id)).toEqual([slip!.id])

    const docx = await t.json(`/api/v1/letters/${id}/documents/${slip!.id}?format=docx`, 'GET', undefined, soYt)
    expect(docx.status).toBe(200)
    expectNoIdentity('agency docx', (await docxText(docx)).xml)
    const json = await t.json(`/api/v1/letters/${id}/documents/${slip!.id}`, 'GET', undefined, soYt)
    expectNoIdentity('agency JSON', await json.text())
    // the notice names the denouncer: never for the agency
    expect((await t.json(`/api/v1/letters/${id}/documents/${notice!.id}`, 'GET', undefined, soYt)).status).toBe(403)

    const soNv = await staff(t, ['co_quan'], 'sonv', 'SO_NV')
    expect((await t.json(`/api/v1/letters/${id}/documents/${slip!.id}?format=docx`, 'GET', undefined, soNv)).status).toBe(403)
    expect((await t.json(`/api/v1/letters/${id}/documents`, 'GET', undefined, soNv)).status).toBe(403)

    const browser = new Browser(t)
    await browser.login('soyte', PASSWORD)
    expect((await browser.get(`/can-bo/don/${id}/van-ban/${slip!.id}.docx`)).status).toBe(200)
    expect((await browser.get(`/can-bo/don/${id}/van-ban/${notice!.id}`)).status).toBe(403)
    const other = new Browser(t)
    await other.login('sonv', PASSWORD)
    expect((await other.get(`/can-bo/don/${id}/van-ban/${slip!.id}.docx`)).status).toBe(403)
  })

  it('opening the notice that names the denouncer needs the identity permission and is logged', async () => {
    const t = await testApp()
    const officer = await staff(t, ['xu_ly_don', 'tiep_dan'])
    const { id, documents } = await registerAndDecide(t, officer, outsideDenunciation)
    const notice = documents[1]!
    const reporter = await staff(t, ['bao_cao'])
    expect((await t.json(`/api/v1/letters/${id}/documents/${notice.id}`, 'GET', undefined, reporter)).status).toBe(403)
    expect((await t.json(`/api/v1/letters/${id}/documents/${documents[0]!.id}`, 'GET', undefined, reporter)).status).toBe(200)
    const viewsBefore = (t.dump('history') as Array<{ action: string }>).filter((h) => h.action === 'xem_danh_tinh_nguoi_to_cao').length
    const res = await t.json(`/api/v1/letters/${id}/documents/${notice.id}?format=docx`, 'GET', undefined, officer)
    expect(res.status).toBe(200)
    expect((await docxText(res)).text).toContain('Lê Thị Hoa')
    const views = (t.dump('history') as Array<{ action: string; entity_id: string; data: string }>).filter((h) => h.action === 'xem_danh_tinh_nguoi_to_cao')
    expect(views).toHaveLength(viewsBefore + 1)
    expect(views.at(-1)).toMatchObject({ entity_id: id })
    expect(JSON.parse(views.at(-1)!.data)).toEqual({ documentId: notice.id, format: 'docx' })
  })
})

describe('a complaint outside competence: the Mẫu 02 guidance letter', () => {
  it('names the complainant and the competent agency, in JSON and in the .docx', async () => {
    const t = await testApp()
    const officer = await staff(t, ['xu_ly_don', 'tiep_dan'])
    const { id, documents } = await registerAndDecide(t, officer, outsideComplaint)
    expect(documents.map((d) => [d.template, d.redacted, d.addresseeAgencyCode])).toEqual([['tt05_m02_huong_dan', false, null]])
    const doc = (await (await t.json(`/api/v1/letters/${id}/documents/${documents[0]!.id}`, 'GET', undefined, officer)).json()) as {
      form: string
      content: { addressees: string[]; subject: string; body: Array<{ text: string }> }
    }
    expect(doc.form).toBe('Mẫu số 02')
    expect(doc.content.addressees).toEqual(['Ông (bà) Đặng Văn Đức'])
    expect(doc.content.subject).toBe('V/v hướng dẫn gửi đơn khiếu nại đến cơ quan có thẩm quyền giải quyết')
    const body = doc.content.body.map((p) => p.text).join('\n')
    expect(body).toContain('Đặng Văn Đức')
    expect(body).toContain('Ủy ban nhân dân xã Sơn Tây')
    const word = await docxText(await t.json(`/api/v1/letters/${id}/documents/${documents[0]!.id}?format=docx`, 'GET', undefined, officer))
    expect(word.text).toContain('Ông (bà) Đặng Văn Đức')
    expect(word.text).toContain('đến Ủy ban nhân dân xã Sơn Tây')
  })

  it('the stored snapshot does not change when the directory changes later', async () => {
    const t = await testApp()
    const officer = await staff(t, ['xu_ly_don', 'tiep_dan'])
    const { id, documents } = await registerAndDecide(t, officer, outsideComplaint)
    const url = `/api/v1/letters/${id}/documents/${documents[0]!.id}`
    const before = await (await t.json(url, 'GET', undefined, officer)).text()
    const renamed = SAMPLE_DIRECTORY.map((a) =>
      a.code === 'UBND_XA_SON_TAY' ? { ...a, name: 'Ủy ban nhân dân xã Sơn Tây Thượng', headTitle: 'Chủ tịch Ủy ban nhân dân xã Sơn Tây Thượng' } : a,
    )
    const put = await t.json('/api/v1/agencies', 'PUT', renamed, await t.token())
    expect(put.status).toBe(200)
    const after = await (await t.json(url, 'GET', undefined, officer)).text()
    expect(after).toBe(before)
    expect(after).not.toContain('Sơn Tây Thượng')
    const word = await docxText(await t.json(`${url}?format=docx`, 'GET', undefined, officer))
    expect(word.text).not.toContain('Sơn Tây Thượng')
  })
})

describe('routes', () => {
  it('unknown documents are 404, a bad format 422, signed-out pages redirect to sign-in', async () => {
    const t = await testApp()
    const officer = await staff(t, ['xu_ly_don', 'tiep_dan'])
    const { id, documents } = await registerAndDecide(t, officer, outsideComplaint)
    expect((await t.json(`/api/v1/letters/${id}/documents/khong-co`, 'GET', undefined, officer)).status).toBe(404)
    expect((await t.json(`/api/v1/letters/khong-co/documents`, 'GET', undefined, officer)).status).toBe(404)
    expect((await t.json(`/api/v1/letters/${id}/documents/${documents[0]!.id}?format=pdf`, 'GET', undefined, officer)).status).toBe(422)
    expect((await t.json(`/api/v1/letters/${id}/documents`, 'GET', undefined)).status).toBe(401)
    const res = await t.request(`/can-bo/don/${id}/van-ban/${documents[0]!.id}`)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toContain('/dang-nhap?next=')
  })

  it('the downloadable HTML embeds the same stylesheet the page links', () => {
    expect(readFileSync(new URL('../../public/static/css/document.css', import.meta.url), 'utf8')).toBe(DOCUMENT_CSS)
  })
})

async function letterCode(t: TestApp, id: string, token: string) {
  return ((await (await t.json(`/api/v1/letters/${id}`, 'GET', undefined, token)).json()) as { code: string }).code
}
