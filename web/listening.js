// Listening and handled marks on the dashboard page, kept apart from app.js: it decorates what app.js renders (the brand
// sections, the channel cards, the waiting comments) and reads the same API. docs/METRICS.md, "Listening score".
import { api, getKey, Unauthorized, Unreachable } from './api.js';
import { escapeHtml as h } from './format.js';

const REFRESH_MS = 30_000;
const NAME_KEY = 'responsemonitor.handledBy';
const REASONS = [['answered-elsewhere', 'Answered elsewhere'], ['spam', 'Spam'], ['escalated', 'Escalated']];
let dashboard = null;

const score = l => (l && l.score !== null && l.score !== undefined ? `${l.score}` : '–');
const pct = share => (share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`);
const of = (list, days) => (list || []).find(l => l.days === days);

function brandLine(b) {
  const week = of(b.listening, 7);
  const month = of(b.listening, 30);
  if (!week && !month) return '';
  const meta = week ? ` · ${pct(week.veryResponsive.share)} answered within 15 min over 7 days (Meta's "very responsive": ${pct(week.veryResponsive.goal)})` : '';
  return `Listening score <strong class="listening-score" data-days="7">${score(week)}</strong> over 7 days, <strong class="listening-score" data-days="30">${score(month)}</strong> over 30${meta}`;
}

function cardLine(list) {
  const week = of(list, 7);
  if (!week) return '';
  return `Listening ${score(week)}/100 (7 d): ${week.postsPublished} post${week.postsPublished === 1 ? '' : 's'}, ${week.answered} of ${week.commentsReceived} answered, ${week.leftWaitingPastNextPost} left waiting past a post`;
}

// Adds a line to an element once, and rewrites it only when its text changed (app.js re-renders the region).
function line(parent, html) {
  if (!parent || !html) return;
  let p = parent.querySelector(':scope > p.listening');
  if (!p) { p = document.createElement('p'); p.className = 'listening'; parent.appendChild(p); }
  if (p.dataset.html !== html) { p.innerHTML = html; p.dataset.html = html; }
}

let fetching = null;

function decorateOverview() {
  // The overview is drawn once app.js holds a key that works: the first chance to read the figures.
  if (!dashboard) { if (!fetching) fetching = refresh().finally(() => { fetching = null; }); return; }
  for (const b of dashboard.brands || []) {
    const section = [...document.querySelectorAll('#overview-body section.brand')].find(s => s.getAttribute('aria-label') === `Brand ${b.brand}`);
    line(section, brandLine(b));
  }
  // Each card's slot (web/README.md, "Extending the page"), or the card itself on a page without slots.
  for (const c of dashboard.channels || []) {
    const card = document.getElementById(`card-${c.id}`);
    line(card?.querySelector('.slot[data-slot="channel"]') || card, cardLine(c.listening));
  }
}

// ---- handled marks ------------------------------------------------------------------------------------------------
function status(text) {
  const el = document.getElementById('handled-status');
  if (el) el.textContent = text;
}

function addNameField() {
  const filters = document.getElementById('filters');
  if (!filters || document.getElementById('handled-by')) return;
  const label = document.createElement('label');
  label.innerHTML = 'Your name (for handled marks) <input id="handled-by" autocomplete="name">';
  filters.appendChild(label);
  const input = label.querySelector('input');
  input.value = localStorage.getItem(NAME_KEY) || '';
  input.addEventListener('change', () => localStorage.setItem(NAME_KEY, input.value.trim()));
  const live = document.createElement('p');
  live.id = 'handled-status';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  filters.after(live);
}

function decorateWaiting() {
  for (const li of document.querySelectorAll('#waiting-body li.comment[data-channel][data-item]')) {
    const actions = li.querySelector('.slot[data-slot="comment"]') || li.querySelector('p.actions');
    if (!actions || actions.querySelector('.handled-controls')) continue;
    const channel = li.dataset.channel;
    const item = li.dataset.item;
    const safe = `${channel}-${item}`.replace(/[^A-Za-z0-9_-]/g, '_');
    const span = document.createElement('span');
    span.className = 'handled-controls controls';
    span.innerHTML = `<button type="button" id="handled-${h(safe)}" data-handled="no-reply-needed">No reply needed</button>
      <label>Handled as <select id="handled-reason-${h(safe)}" data-handled-select><option value="">…</option>${REASONS.map(([v, t]) => `<option value="${v}">${t}</option>`).join('')}</select></label>`;
    actions.appendChild(span);
  }
}

async function mark(li, reason) {
  const input = document.getElementById('handled-by');
  const by = input?.value.trim();
  if (!by) {
    status('Enter your name above to mark a comment handled: marks say who decided.');
    input?.focus();
    return;
  }

  localStorage.setItem(NAME_KEY, by);
  const { channel, item } = li.dataset;
  try {
    await api(`/api/items/${encodeURIComponent(channel)}/${encodeURIComponent(item)}/handled`, { method: 'POST', body: { reason, by } });
    // Off every list that shows it (the waiting list and "Answer next").
    for (const shown of document.querySelectorAll('li[data-channel][data-item]')) {
      if (shown.dataset.channel === channel && shown.dataset.item === item) shown.remove();
    }
    status(`Marked "${reason.replace(/-/g, ' ')}" by ${by}: the comment left the waiting list (undo: DELETE /api/items/${channel}/${item}/handled).`);
  } catch (error) {
    if (error instanceof Unauthorized || error instanceof Unreachable) status(`Could not mark it: ${error.message || 'the monitor did not answer'}.`);
    else status(`Could not mark it: ${error.message}`);
  }
}

document.addEventListener('click', event => {
  const button = event.target.closest('button[data-handled]');
  if (button) mark(button.closest('li.comment'), button.dataset.handled);
});
document.addEventListener('change', event => {
  const select = event.target.closest('select[data-handled-select]');
  if (select && select.value) mark(select.closest('li.comment'), select.value);
});

async function refresh() {
  try {
    dashboard = await api('/api/dashboard');
    decorateOverview();
  } catch {
    // app.js reports the monitor's state; the listening lines keep their last figures.
  }
}

function start() {
  // The wall screen has no controls and no room to spare.
  if (new URLSearchParams(location.search).get('wall') === '1') return;
  addNameField();
  const overview = document.getElementById('overview-body');
  const waiting = document.getElementById('waiting-body');
  if (overview) new MutationObserver(decorateOverview).observe(overview, { childList: true, subtree: true });
  if (waiting) new MutationObserver(decorateWaiting).observe(waiting, { childList: true, subtree: true });
  document.addEventListener('rm:rendered', () => { decorateWaiting(); decorateOverview(); });
  decorateWaiting();
  // Only with a key: app.js asks for it, and the first overview it draws starts the first read (decorateOverview).
  setInterval(() => { if (getKey()) refresh(); }, REFRESH_MS);
}

start();
