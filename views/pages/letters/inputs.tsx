/** Inputs of the letter screens beyond the shared ones: checkbox, radio group, the agency tree. */
import type { Child } from 'hono/jsx'
import type { AgencyChoice } from '../../../src/http/agency-choices.ts'
import { fieldId } from '../../components/forms.tsx'

export const Checkbox = (p: { name: string; label: Child; checked: boolean; error?: string | undefined; hint?: Child }) => {
  const id = fieldId(p.name)
  const describedBy = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div class={`field field--check${p.error ? ' field--error' : ''}`}>
      {p.error ? (
        <p class="field-error" id={`${id}-error`}>
          {p.error}
        </p>
      ) : null}
      <div class="checkbox">
        <input type="checkbox" id={id} name={p.name} value="1" checked={p.checked} aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy} />
        <label for={id}>{p.label}</label>
      </div>
      {p.hint ? (
        <p class="hint hint--checkbox" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
    </div>
  )
}

export const RadioGroup = (p: { name: string; legend: string; options: ReadonlyArray<{ value: string; label: string }>; value: string; error?: string | undefined }) => (
  <fieldset class={`field radio-group${p.error ? ' field--error' : ''}`}>
    <legend class="radio-group__legend">{p.legend}</legend>
    {p.error ? (
      <p class="field-error" id={`${fieldId(p.name)}-error`}>
        {p.error}
      </p>
    ) : null}
    {p.options.map((o) => (
      <div class="radio">
        <input type="radio" id={`${fieldId(p.name)}-${o.value}`} name={p.name} value={o.value} checked={o.value === p.value} />
        <label for={`${fieldId(p.name)}-${o.value}`}>{o.label}</label>
      </div>
    ))}
  </fieldset>
)

export type { AgencyChoice }

/** The directory as an indented tree in one select (a district body keeps its place, marked). */
export const AgencyTreeSelect = (p: { name: string; label: string; hint?: Child; value: string; agencies: readonly AgencyChoice[]; error?: string | undefined; emptyLabel: string }) => {
  const id = fieldId(p.name)
  const describedBy = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p class="field-error" id={`${id}-error`}>
          {p.error}
        </p>
      ) : null}
      <select id={id} name={p.name} class="input" aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy}>
        <option value="">{p.emptyLabel}</option>
        {p.agencies.map((a) => (
          <option value={a.code} selected={a.code === p.value}>
            {`${'\u00a0\u00a0\u00a0'.repeat(a.depth)}${a.name}${a.note ? ` (${a.note})` : ''}`}
          </option>
        ))}
      </select>
    </div>
  )
}
