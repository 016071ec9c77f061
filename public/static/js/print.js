// Receipt page: show the "print" button only where JavaScript runs (CSP: no inline scripts).
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
