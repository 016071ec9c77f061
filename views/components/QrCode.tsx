/** A QR code drawn as one SVG path (see src/http/submissions/qr.ts); sharp on screen and paper. */
export const QrCode = ({ size, path, title, id }: { size: number; path: string; title: string; id: string }) => (
  <svg
    class="qr"
    xmlns="http://www.w3.org/2000/svg"
    viewBox={`0 0 ${size} ${size}`}
    width="200"
    height="200"
    role="img"
    aria-labelledby={`${id}-title`}
    shape-rendering="crispEdges"
  >
    <title id={`${id}-title`}>{title}</title>
    <rect width={size} height={size} fill="#ffffff" />
    <path d={path} fill="#000000" />
  </svg>
)
