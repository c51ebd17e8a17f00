// Hand-written SVG charts: small, no library, and every mark is an element a test (or a screen reader's outline) can see.
import { escapeHtml } from './format.js';

const W = 640, H = 240, M = { top: 16, right: 16, bottom: 36, left: 64 }; // left: room for "100.5 h" in any font

function niceMax(values) {
  const max = Math.max(0, ...values.filter(v => v !== null && Number.isFinite(v)));
  if (max === 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil((max * 1.1) / step) * step;
}

function axes(max, unit, labels, x) {
  const ticks = [0, max / 2, max].map(v => {
    const y = M.top + (H - M.top - M.bottom) * (1 - v / max);
    return `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}"/>` +
      `<text class="tick" x="${M.left - 6}" y="${y + 4}" text-anchor="end">${escapeHtml(Number(v.toFixed(1)))}${unit}</text>`;
  }).join('');
  const shown = labels.length <= 6 ? labels.map((l, i) => [l, i]) : [[labels[0], 0], [labels[Math.floor(labels.length / 2)], Math.floor(labels.length / 2)], [labels[labels.length - 1], labels.length - 1]];
  const xs = shown.map(([label, i]) => `<text class="tick" x="${x(i)}" y="${H - M.bottom + 18}" text-anchor="middle">${escapeHtml(label)}</text>`).join('');
  return ticks + xs;
}

function frame(titleId, description, body) {
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${titleId}" preserveAspectRatio="xMidYMid meet"><desc>${escapeHtml(description)}</desc>${body}</svg>`;
}

/**
 * Lines over days; a null value breaks its line. series: [{ name, cls, values }]. Each point carries its label in
 * data-label (fullLabels when given, such as the whole date) and its value in data-value.
 */
export function lineChart(titleId, labels, series, unit, fullLabels = labels) {
  const max = niceMax(series.flatMap(s => s.values));
  const x = i => M.left + (labels.length <= 1 ? 0 : (W - M.left - M.right) * i / (labels.length - 1));
  const y = v => M.top + (H - M.top - M.bottom) * (1 - v / max);
  let marks = '';
  for (const s of series) {
    let run = [];
    const flush = () => { if (run.length) marks += `<polyline class="series ${s.cls}" points="${run.join(' ')}"/>`; run = []; };
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) { flush(); return; }
      run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
      marks += `<circle class="point ${s.cls}" cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" data-label="${escapeHtml(fullLabels[i])}" data-value="${v}"><title>${escapeHtml(`${labels[i]}: ${s.name} ${v.toFixed(1)}${unit}`)}</title></circle>`;
    });
    flush();
  }
  const legend = series.map((s, i) => `<g class="legend"><rect class="swatch ${s.cls}" x="${M.left + i * 120}" y="${H - 12}" width="10" height="10"/><text x="${M.left + i * 120 + 14}" y="${H - 3}">${escapeHtml(s.name)}</text></g>`).join('');
  const points = series.reduce((n, s) => n + s.values.filter(v => v !== null).length, 0);
  return frame(titleId, `${points} values`, axes(max, unit, labels, x) + marks + legend);
}

/** Vertical bars, one per label. */
export function barChart(titleId, labels, values, unit = '') {
  const max = niceMax(values);
  const band = (W - M.left - M.right) / Math.max(1, labels.length);
  const x = i => M.left + band * i + band / 2;
  const marks = values.map((v, i) => {
    const h = (H - M.top - M.bottom) * (v / max);
    return `<rect class="bar" x="${(x(i) - band * 0.35).toFixed(1)}" y="${(H - M.bottom - h).toFixed(1)}" width="${(band * 0.7).toFixed(1)}" height="${h.toFixed(1)}" data-value="${v}"><title>${escapeHtml(`${labels[i]}: ${v}${unit}`)}</title></rect>` +
      `<text class="value" x="${x(i).toFixed(1)}" y="${(H - M.bottom - h - 4).toFixed(1)}" text-anchor="middle">${escapeHtml(v)}</text>`;
  }).join('');
  return frame(titleId, values.join(', '), axes(max, unit, labels, x) + marks);
}

/**
 * Horizontal bars from 0 to 100 %, one per channel, each under its whole name (a name beside the bar was cut off
 * when long). rows: [{ label, rate }]; a null rate draws no bar and says so.
 */
export function rateChart(titleId, rows) {
  const rowH = 44, height = Math.max(60, rows.length * rowH + 8), left = 4, right = 64;
  const marks = rows.map((r, i) => {
    const y = 4 + i * rowH;
    const width = r.rate === null ? 0 : (W - left - right) * r.rate;
    const text = r.rate === null ? 'no data' : `${Math.round(r.rate * 100)} %`;
    return `<text class="tick rate-label" x="${left}" y="${y + 13}">${escapeHtml(r.label)}</text>` +
      `<rect class="track" x="${left}" y="${y + 18}" width="${W - left - right}" height="18"/>` +
      (r.rate === null ? '' : `<rect class="bar" x="${left}" y="${y + 18}" width="${width.toFixed(1)}" height="18" data-value="${r.rate}"><title>${escapeHtml(`${r.label}: ${text}`)}</title></rect>`) +
      `<text class="value" x="${W - right + 6}" y="${y + 32}">${escapeHtml(text)}</text>`;
  }).join('');
  return `<svg viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="${titleId}"><desc>${escapeHtml(rows.map(r => r.label).join(', '))}</desc>${marks}</svg>`;
}
