/** Form building blocks: labelled fields with their error next to them, an error summary. */
import type { Child } from 'hono/jsx'
import { usePage } from '../context.ts'

export type Errors = Record<string, string>

export const CsrfField = () => <input type="hidden" name="_csrf" value={usePage().csrfToken} />

/** Error summary at the top of a form: each message links to its field (GOV.UK pattern). */
export const ErrorSummary = ({ errors, fieldIds = {} }: { errors: Errors; fieldIds?: Record<string, string> }) => {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    // autofocus: a form re-shown with errors opens on what is wrong, with or without JavaScript
    <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">Vui lòng kiểm tra lại thông tin</h2>
      <ul>
        {entries.map(([path, message]) => (
          <li>
            <a href={`#${fieldIds[path] ?? fieldId(path)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`

interface FieldProps {
  name: string
  label: string
  value?: string | number | null | undefined
  error?: string | undefined
  hint?: Child
  type?: string
  required?: boolean
  autocomplete?: string
  inputmode?: 'decimal' | 'email' | 'none' | 'numeric' | 'search' | 'tel' | 'text' | 'url'
  min?: number
  max?: number
  width?: 'short' | 'medium' | 'full'
}

/** What every field has around its control: label, hint, error, and the ids tying them together. */
interface FrameProps {
  name: string
  label: string
  hint?: Child
  error?: string | undefined
  required?: boolean | undefined
  /** Renders the control with its id and aria attributes. */
  control: (a: { id: string; 'aria-invalid': 'true' | undefined; 'aria-describedby': string | undefined }) => Child
}

export const FieldFrame = (p: FrameProps) => {
  const id = fieldId(p.name)
  const describedBy = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <label for={id}>
        {p.label}
        {p.required ? <span class="required" aria-hidden="true"> *</span> : null}
      </label>
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
      {p.control({ id, 'aria-invalid': p.error ? 'true' : undefined, 'aria-describedby': describedBy })}
    </div>
  )
}

export const Field = (p: FieldProps) => (
  <FieldFrame
    {...p}
    control={(a) => (
      <input
        {...a}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        min={p.min}
        max={p.max}
        class={`input input--${p.width ?? 'full'}`}
      />
    )}
  />
)

interface TextAreaProps {
  name: string
  label: string
  value?: string | null | undefined
  error?: string | undefined
  hint?: Child
  rows?: number
  required?: boolean
}

export const TextArea = (p: TextAreaProps) => (
  <FieldFrame
    {...p}
    control={(a) => (
      <textarea {...a} name={p.name} rows={p.rows ?? 4} required={p.required} class="input">
        {p.value ?? ''}
      </textarea>
    )}
  />
)

interface SelectProps {
  name: string
  label: string
  options: ReadonlyArray<{ value: string; label: string }>
  value?: string | null | undefined
  error?: string | undefined
  hint?: Child
  required?: boolean
  emptyLabel?: string
}

export const Select = (p: SelectProps) => (
  <FieldFrame
    {...p}
    control={(a) => (
      <select {...a} name={p.name} class="input" required={p.required}>
        {p.emptyLabel !== undefined ? <option value="">{p.emptyLabel}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    )}
  />
)

/**
 * A yes/no box: the error above it, the label beside it, the hint below. `compact` (the staff
 * forms' grids of boxes) keeps the boxes closer together.
 */
export const Checkbox = (p: { name: string; label: Child; checked: boolean; error?: string | undefined; hint?: Child; compact?: boolean }) => {
  const id = fieldId(p.name)
  const describedBy = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div class={`field${p.compact ? ' field--check' : ''}${p.error ? ' field--error' : ''}`}>
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

export const Flash = ({ message, kind = 'success' }: { message?: string | null | undefined; kind?: 'success' | 'info' | 'warning' }) =>
  message ? (
    <div class={`flash flash--${kind}`} role="status">
      {message}
    </div>
  ) : null
