/**
 * The official-document stylesheet as text, embedded in the downloadable HTML file (a file opened
 * from disk has no /static to link to). Identical to public/static/css/document.css, which the
 * staff page links; test/http/documents.test.ts fails when the two drift apart.
 */
export const DOCUMENT_CSS = `/* Official documents (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4, Times New Roman 13–14 pt,
   margins 20 mm top and bottom, 30 mm left, 15 mm right. Used by the staff document page and,
   embedded, by the downloadable HTML file: views/documents/document-css.ts holds the same text
   (a test keeps the two identical). */
@page official { size: A4; margin: 20mm 15mm 20mm 30mm; }
.official-document { page: official; box-sizing: border-box; width: 210mm; max-width: 100%; min-height: 297mm; margin: 0 auto; padding: 20mm 15mm 20mm 30mm; background: #fff; color: #000; font-family: 'Times New Roman', Times, 'Liberation Serif', serif; font-size: 14pt; line-height: 1.3; }
:where(.official-document) p { margin: 0; }
.doc-head, .doc-foot { display: grid; grid-template-columns: 42% 58%; align-items: start; }
.doc-head { text-align: center; }
.doc-parent, .doc-issuer, .doc-number, .doc-nation { font-size: 13pt; }
.doc-issuer, .doc-nation, .doc-motto { font-weight: 700; }
.doc-issuer::after { content: ''; display: block; width: 35%; margin: 3px auto 6px; border-top: 1px solid #000; }
.doc-subject { font-size: 12pt; margin-top: 4pt; }
.doc-motto span { display: inline-block; padding-bottom: 2px; border-bottom: 1px solid #000; }
.doc-date { font-style: italic; margin-top: 8pt; }
.doc-title { margin: 18pt 0 0; font-size: 14pt; font-weight: 700; text-align: center; line-height: 1.3; }
.doc-title span { display: block; }
.doc-title::after { content: ''; display: block; width: 25%; margin: 4px auto 0; border-top: 1px solid #000; }
.doc-to { margin: 12pt 0 6pt; text-align: center; }
.doc-to--list { text-align: left; padding-left: 25%; }
.official-document .doc-basis, .official-document .doc-body { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
.doc-basis { font-style: italic; }
.doc-foot { margin-top: 12pt; break-inside: avoid; }
.doc-recipients__label { font-size: 12pt; font-weight: 700; font-style: italic; }
.doc-recipients__item { font-size: 11pt; }
.doc-signer { text-align: center; }
.doc-signer__title, .doc-signer__name { font-weight: 700; }
.doc-signer__space { height: 24mm; }
.doc-head--don { display: block; }
.doc-head--don .doc-date { text-align: right; }
.doc-foot--signers { display: flex; justify-content: space-between; gap: 6mm; }
.doc-foot--signers .doc-signer { flex: 1; }
.doc-signer__note { font-style: italic; font-size: 12pt; }
.document-toolbar { margin-bottom: 1rem; }
@media screen { .official-document { border: 1px solid #c9ced6; box-shadow: 0 1px 4px rgb(0 0 0 / 0.12); } }
@media screen and (max-width: 800px) { .official-document { min-height: 0; padding: 8mm 6mm; font-size: 12pt; } }
@media print {
  body { background: #fff; }
  main.container { max-width: none; padding: 0; }
  .document-toolbar, .site-header, .site-footer, .skip-link { display: none !important; }
  .official-document { width: auto; min-height: 0; margin: 0; padding: 0; border: 0; box-shadow: none; font-size: 13pt; }
  /* a one-page form stays on one sheet: 13 pt (NĐ 30/2020 allows 13–14), the signature space kept,
     a signer's title never parted from its block */
  .doc-signer { break-inside: avoid; }
  .doc-signer__space { height: 20mm; }
}
`
