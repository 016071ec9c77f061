/**
 * A stored document snapshot as a Word file (.docx), laid out as Nghị định 30/2020/NĐ-CP
 * (Phụ lục I) asks: A4, margins 20 mm top and bottom, 30 mm left, 15 mm right, Times New Roman
 * 13–14 pt, the two-column heading (issuer | Quốc hiệu, Tiêu ngữ), the title, "Kính gửi", the
 * body, and the "Nơi nhận" | signer block. `docx` is pure JavaScript and builds the zip in
 * memory, so this runs unchanged on Node and on Workers (no Buffer: toArrayBuffer).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx'
import type { DocParagraph, DocSigner, PrintedDocument } from '../domain/documents.ts'

/** Measures in twentieths of a point (twips): 1 mm ≈ 56.7 twips. */
const MM = 56.7
const PAGE = { width: 11906, height: 16838 }
const MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) }
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
const LEFT_COL = Math.round(TEXT_WIDTH * 0.42)
const RIGHT_COL = TEXT_WIDTH - LEFT_COL
/** First-line indent of body paragraphs: 1 cm. */
const INDENT = Math.round(10 * MM)
/** Font sizes in half-points. */
const PT = (n: number) => n * 2
const FONT = 'Times New Roman'

const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) => new TextRun({ text, font: FONT, size: PT(14), ...options })

const centered = (children: TextRun[], after = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children })

/** A short horizontal rule, centred, `share` of the cell wide (the lines under the issuer and the motto). */
const rule = (cellWidth: number, share: number) => {
  const side = Math.round((cellWidth * (1 - share)) / 2)
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 80, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  })
}

const cell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE, children: children.length > 0 ? children : [new Paragraph({ children: [] })] })

const twoColumns = (left: Paragraph[], right: Paragraph[]) =>
  new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COL, RIGHT_COL],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(LEFT_COL, left), cell(RIGHT_COL, right)] })],
  })

function heading(m: PrintedDocument): Table {
  const h = m.heading
  const left: Paragraph[] = []
  if (h.parentBody) left.push(centered([run(h.parentBody, { size: PT(13) })]))
  left.push(centered([run(h.issuingBody, { size: PT(13), bold: true })]))
  left.push(rule(LEFT_COL, 0.4))
  left.push(centered([run(`Số: ${h.number ?? '…'}/${h.symbol}`, { size: PT(13) })], 60))
  if (m.subject) left.push(centered([run(m.subject, { size: PT(12) })]))
  const right: Paragraph[] = [
    centered([run(h.nation, { size: PT(13), bold: true })]),
    centered([run(h.motto, { size: PT(14), bold: true })]),
    // the motto's rule is as long as the motto (about 68 % of the column at 14 pt)
    rule(RIGHT_COL, 0.68),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 0 }, children: [run(h.placeDate, { italics: true })] }),
  ]
  return twoColumns(left, right)
}

function title(m: PrintedDocument): Paragraph[] {
  if (m.titleLines.length === 0) return []
  const [kind, ...rest] = m.titleLines
  const out = [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 }, children: [run(kind ?? '', { bold: true })] })]
  for (const line of rest) out.push(centered([run(line, { bold: true })]))
  out.push(rule(TEXT_WIDTH, 0.25))
  return out
}

function addressees(m: PrintedDocument): Paragraph[] {
  if (m.addressees.length === 0) return []
  const spacing = { before: 240, after: 120 }
  if (m.addressees.length === 1) {
    return [new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [run('Kính gửi: '), run(`${m.addressees[0]}.`)] })]
  }
  return [
    new Paragraph({ indent: { left: Math.round(TEXT_WIDTH * 0.25) }, spacing: { before: 240, after: 0 }, children: [run('Kính gửi:')] }),
    ...m.addressees.map(
      (a, i) => new Paragraph({ indent: { left: Math.round(TEXT_WIDTH * 0.25) + 1100 }, children: [run(`- ${a}${i === m.addressees.length - 1 ? '.' : ';'}`)] }),
    ),
  ]
}

const bodyParagraph = (text: string, italics = false) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    spacing: { before: 0, after: 120, line: 312, lineRule: LineRuleType.AUTO },
    children: [run(text, { italics })],
  })

const body = (paragraphs: readonly DocParagraph[]) => paragraphs.map((p) => bodyParagraph(p.text))

function signerBlock(s: DocSigner): Paragraph[] {
  // a bracketed caption is the instruction under the title ("(Ký, ghi rõ họ tên hoặc điểm chỉ)")
  const out = s.lines.map((line) => centered([line.startsWith('(') ? run(line, { italics: true, size: PT(12) }) : run(line, { bold: true })]))
  // room for the signature and the seal
  for (let i = 0; i < 4; i++) out.push(new Paragraph({ children: [] }))
  out.push(centered([run(s.name ?? '', { bold: true })]))
  return out
}

function recipientsBlock(recipients: readonly string[]): Paragraph[] {
  if (recipients.length === 0) return []
  return [
    new Paragraph({ children: [run('Nơi nhận:', { size: PT(12), bold: true, italics: true })] }),
    ...recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: PT(11) })] })),
  ]
}

function foot(m: PrintedDocument): Table {
  const [first, second] = m.signers
  // a proposal has two signers side by side; other documents list the recipients on the left
  const left = m.recipients.length > 0 || !second ? recipientsBlock(m.recipients) : first ? signerBlock(first) : []
  const rightSigner = m.recipients.length > 0 || !second ? first : second
  return twoColumns(left, rightSigner ? signerBlock(rightSigner) : [])
}

/** A citizen's own letter or form: Quốc hiệu centred, place and date on the right, signers side by side. */
function citizenLetter(m: PrintedDocument): Array<Paragraph | Table> {
  const h = m.heading
  const signers = m.signers.length > 0 ? m.signers : [{ lines: [], name: null }]
  const width = Math.floor(TEXT_WIDTH / signers.length)
  return [
    centered([run(h.nation, { size: PT(13), bold: true })]),
    centered([run(h.motto, { bold: true })]),
    rule(TEXT_WIDTH, 0.4),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 120, after: 0 }, children: [run(h.placeDate, { italics: true })] }),
    ...title(m),
    ...m.addressees.map((a) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, children: [run(`Kính gửi: ${a}`)] })),
    ...body(m.body),
    new Paragraph({ spacing: { before: 120 }, children: [] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: signers.map(() => width),
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      rows: [new TableRow({ children: signers.map((s) => cell(width, signerBlock(s))) })],
    }),
  ]
}

export function documentToDocx(m: PrintedDocument): Document {
  if (m.layout === 'don') {
    return new Document({
      title: m.title,
      styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
      sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children: citizenLetter(m) }],
    })
  }
  return new Document({
    title: m.title,
    creator: m.heading.issuingBody,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          heading(m),
          ...title(m),
          ...addressees(m),
          ...m.legalBasis.map((line) => bodyParagraph(line, true)),
          ...body(m.body),
          new Paragraph({ spacing: { before: 120 }, children: [] }),
          foot(m),
        ],
      },
    ],
  })
}

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The .docx bytes of a stored snapshot. */
export const renderDocx = (m: PrintedDocument): Promise<ArrayBuffer> => Packer.toArrayBuffer(documentToDocx(m))
