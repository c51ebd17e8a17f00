// The page's own icons, drawn as inline SVG: no font decides whether they show (Debian's chromium has no ⌛ glyph).
const PATHS = {
  failing: '<circle cx="8" cy="8" r="6.5"/><path d="M5.5 5.5l5 5M10.5 5.5l-5 5"/>',
  paused: '<circle cx="8" cy="8" r="6.5"/><path d="M6.5 5v6M9.5 5v6"/>',
  hourglass: '<path d="M4.5 2h7M4.5 14h7M5 2c0 3.5 6 4.5 6 6s-6 2.5-6 6M11 2c0 3.5-6 4.5-6 6s6 2.5 6 6"/>',
  silent: '<path d="M3 6h2.5L9 3v10L5.5 10H3z"/><path d="M11 6l3 4M14 6l-3 4"/>',
  critical: '<path d="M8 2L15 14H1z"/><path d="M8 6.5v3.5M8 11.8v.4"/>',
  late: '<circle cx="8" cy="8" r="6.5"/><path d="M8 4.5V8l2.5 2"/>',
  ok: '<path d="M3 8.5l3 3 7-7"/>',
  answer: '<path d="M2 3h12v8H7l-3 3v-3H2z"/>',
};

/** An icon by name, hidden from screen readers: the word beside it says the same. */
export function icon(name) {
  return `<svg class="icon icon-${name}" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${PATHS[name] ?? ''}</svg>`;
}
