/**
 * A stored document snapshot as the printed page: the NĐ 30/2020 heading (issuer on the left,
 * Quốc hiệu and Tiêu ngữ on the right), title, "Kính gửi", legal basis, body, then "Nơi nhận"
 * beside the signer. A pure function of the snapshot; the CSS (app.css "official documents")
 * gives it A4 proportions on screen and on paper.
 */
import type { DocSigner, PrintedDocument } from '../../src/domain/documents.ts'

/** A caption line in brackets ("(Ký, ghi rõ họ tên hoặc điểm chỉ)") is an instruction, not a title. */
const isNote = (line: string) => line.startsWith('(')

const Signer = ({ signer }: { signer: DocSigner }) => (
  <div class="doc-signer">
    {signer.lines.map((line) => (
      <p class={isNote(line) ? 'doc-signer__note' : 'doc-signer__title'}>{line}</p>
    ))}
    <p class="doc-signer__space" aria-hidden="true"></p>
    <p class="doc-signer__name">{signer.name ?? ''}</p>
  </div>
)

const Recipients = ({ recipients }: { recipients: readonly string[] }) => (
  <div class="doc-recipients">
    <p class="doc-recipients__label">Nơi nhận:</p>
    {recipients.map((r) => (
      <p class="doc-recipients__item">- {r}</p>
    ))}
  </div>
)

/**
 * A citizen's own letter or form (layout `don`: Đơn khiếu nại, Giấy ủy quyền): Quốc hiệu and
 * Tiêu ngữ centred, the place and date on the right, no issuer or number, the signers side by side.
 */
const CitizenLetter = ({ model }: { model: PrintedDocument }) => (
  <article class="official-document official-document--don" lang="vi" aria-label={model.title}>
    <header class="doc-head doc-head--don">
      <p class="doc-nation">{model.heading.nation}</p>
      <p class="doc-motto">
        <span>{model.heading.motto}</span>
      </p>
      <p class="doc-date">{model.heading.placeDate}</p>
    </header>
    <h2 class="doc-title">
      {model.titleLines.map((line, i) => (
        <span class={i === 0 ? 'doc-title__kind' : 'doc-title__about'}>{line}</span>
      ))}
    </h2>
    {model.addressees.map((a) => (
      <p class="doc-to">Kính gửi: {a}</p>
    ))}
    {model.body.map((p) => (
      <p class={p.item ? 'doc-body doc-body--item' : 'doc-body'}>{p.text}</p>
    ))}
    <footer class="doc-foot doc-foot--signers">
      {model.signers.map((s) => (
        <Signer signer={s} />
      ))}
    </footer>
  </article>
)

export const OfficialDocument = ({ model }: { model: PrintedDocument }) => {
  if (model.layout === 'don') return <CitizenLetter model={model} />
  const h = model.heading
  const [first, second] = model.signers
  const twoSigners = model.recipients.length === 0 && !!second
  return (
    <article class="official-document" lang="vi" aria-label={model.title}>
      <header class="doc-head">
        <div class="doc-head__issuer">
          {h.parentBody ? <p class="doc-parent">{h.parentBody}</p> : null}
          <p class="doc-issuer">
            <span>{h.issuingBody}</span>
          </p>
          <p class="doc-number">
            Số: {h.number ?? '…'}/{h.symbol}
          </p>
          {model.subject ? <p class="doc-subject">{model.subject}</p> : null}
        </div>
        <div class="doc-head__nation">
          <p class="doc-nation">{h.nation}</p>
          <p class="doc-motto">
            <span>{h.motto}</span>
          </p>
          <p class="doc-date">{h.placeDate}</p>
        </div>
      </header>
      {model.titleLines.length > 0 ? (
        <h2 class="doc-title">
          {model.titleLines.map((line, i) => (
            <span class={i === 0 ? 'doc-title__kind' : 'doc-title__about'}>{line}</span>
          ))}
        </h2>
      ) : null}
      {model.addressees.length === 1 ? (
        <p class="doc-to">Kính gửi: {model.addressees[0]}.</p>
      ) : model.addressees.length > 1 ? (
        <div class="doc-to doc-to--list">
          <p>Kính gửi:</p>
          {model.addressees.map((a, i) => (
            <p>
              - {a}
              {i === model.addressees.length - 1 ? '.' : ';'}
            </p>
          ))}
        </div>
      ) : null}
      {model.legalBasis.map((line) => (
        <p class="doc-basis">{line}</p>
      ))}
      {model.body.map((p) => (
        <p class={p.item ? 'doc-body doc-body--item' : 'doc-body'}>{p.text}</p>
      ))}
      <footer class="doc-foot">
        <div class="doc-foot__left">
          {twoSigners && first ? <Signer signer={first} /> : model.recipients.length > 0 ? <Recipients recipients={model.recipients} /> : null}
        </div>
        <div class="doc-foot__right">{twoSigners && second ? <Signer signer={second} /> : first ? <Signer signer={first} /> : null}</div>
      </footer>
    </article>
  )
}
