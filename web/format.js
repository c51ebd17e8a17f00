// Durations, times and escaping for the page.
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  const d = Math.floor(h / 24);
  return `${d} d ${h % 24} h`;
}

export function days(seconds) {
  return seconds === null || seconds === undefined ? null : Math.floor(seconds / 86400);
}

export function time(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function percent(rate) {
  return rate === null || rate === undefined ? '–' : `${Math.round(rate * 100)} %`;
}

export function hours(seconds) {
  return seconds === null || seconds === undefined ? null : seconds / 3600;
}
