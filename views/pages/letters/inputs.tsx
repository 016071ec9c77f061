/** Inputs of the letter screens beyond the shared ones: checkbox, radio group, the agency tree. */
import type { Child } from 'hono/jsx'
import type { AgencyChoice } from '../../../src/http/agency-choices.ts'
import { Checkbox as SharedCheckbox, FieldFrame, fieldId } from '../../components/forms.tsx'

/** The staff form's yes/no box: the compact one (its boxes stand in grids). */
export const Checkbox = (p: Omit<Parameters<typeof SharedCheckbox>[0], 'compact'>) => <SharedCheckbox {...p} compact />

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
export const AgencyTreeSelect = (p: { name: string; label: string; hint?: Child; value: string; agencies: readonly AgencyChoice[]; error?: string | undefined; emptyLabel: string }) => (
  <FieldFrame
    {...p}
    control={(a) => (
      <select {...a} name={p.name} class="input">
        <option value="">{p.emptyLabel}</option>
        {p.agencies.map((ag) => (
          <option value={ag.code} selected={ag.code === p.value}>
            {`${'\u00a0\u00a0\u00a0'.repeat(ag.depth)}${ag.name}${ag.note ? ` (${ag.note})` : ''}`}
          </option>
        ))}
      </select>
    )}
  />
)
