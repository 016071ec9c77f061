/**
 * The signers of a letter (đơn nhiều người đứng tên), as the citizen's and the staff's forms ask
 * for them: one row per signer, and "Thêm người đứng tên", a submit button that re-renders the
 * form with one more row without JavaScript; with htmx only this fieldset is swapped.
 */
import type { Child } from 'hono/jsx'

/** One signer's row: the first is the main filer, the others sign the same letter. */
export const SenderRow = ({ i, children }: { i: number; children?: Child }) => (
  <div class="sender-row" role="group" aria-labelledby={`sender-${i}-title`}>
    <h3 id={`sender-${i}-title`} class="sender-row__title">
      {i === 0 ? 'Người đứng đơn' : `Người cùng đứng tên thứ ${i + 1}`}
    </h3>
    {children}
  </div>
)

export const SendersFieldset = (p: { legend: Child; hint: Child; senderRows: number; action: string; row: (i: number) => Child }) => (
  <fieldset id="senders" class="form-section">
    <legend>{p.legend}</legend>
    <input type="hidden" name="senderRows" value={String(p.senderRows)} />
    <p class="hint">{p.hint}</p>
    {Array.from({ length: p.senderRows }, (_, i) => p.row(i))}
    <button
      type="submit"
      name="hanh_dong"
      value="them-nguoi"
      formnovalidate
      class="button button--secondary"
      hx-post={p.action}
      hx-target="#senders"
      hx-select="#senders"
      hx-swap="outerHTML"
    >
      Thêm người đứng tên
    </button>
  </fieldset>
)
