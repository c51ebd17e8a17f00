// The dashboard page: reads the monitor's JSON API every 30 s and draws it. No framework, no request off this origin.
import { api, getKey, setKey, clearKey, Unauthorized, Unreachable } from './api.js';
import { escapeHtml as h, duration, days, time, percent, hours } from './format.js';
import { lineChart, barChart, rateChart } from './charts.js';
import * as words from './words.js';
import { icon } from './icons.js';
import { renderNext } from './next.js';

const REFRESH_MS = 30_000;
const CHARTS_EVERY = 10; // charts read 61 metric windows: every 5 minutes is enough
const DAY = 86_400_000;
const wall = new URLSearchParams(location.search).get('wall') === '1';
const state = { dashboard: null, unanswered: [], next: [], warnings: [], silences: [], history: [], outbox: [], metrics: null, lastGood: null, cycle: 0, clock: 'wall', given: new Map(), models: new Map(), timer: null };
const rendered = new Map();

// Replace a region only when its markup changed, and give focus back to the element that had it: no flicker, no
// lost scroll position, no lost keyboard place.
// Each redrawn region is announced with an 'rm:rendered' event ({ region, state }): a module of its own (web/README.md,
// "Extending the page") fills the region's slots without the page knowing it.
function render(id, html) {
  if (rendered.get(id) === html) return;
  const focused = document.activeElement && document.activeElement.id;
  document.getElementById(id).innerHTML = html;
  rendered.set(id, html);
  if (focused && document.activeElement?.id !== focused) document.getElementById(focused)?.focus();
  document.dispatchEvent(new CustomEvent('rm:rendered', { detail: { region: id, state } }));
}

function status(text, kind) {
  const el = document.getElementById('status');
  el.textContent = text;
  el.className = `status ${kind || ''}`;
  document.body.classList.toggle('stale', kind === 'stale');
}

function channelsById() { return new Map((state.dashboard?.channels || []).map(c => [c.id, c])); }

// ---- key -------------------------------------------------------------------------------------------------------
function askKey(message) {
  const dialog = document.getElementById('key-dialog');
  if (message) document.getElementById('key-message').textContent = message;
  document.getElementById('key-again').hidden = true;
  if (!dialog.open) dialog.showModal();
  document.getElementById('key-input').focus();
}

// Escape (or any close without a key) leaves the page saying what it needs, with a way back, never "Loading…".
document.getElementById('key-dialog').addEventListener('close', () => {
  if (getKey()) return;
  status('The dashboard needs the API key to show anything.', 'error');
  document.getElementById('key-again').hidden = false;
});
document.getElementById('key-again').addEventListener('click', () => askKey());

document.getElementById('key-form').addEventListener('submit', event => {
  const key = document.getElementById('key-input').value.trim();
  if (!key) { event.preventDefault(); return; }
  setKey(key);
  document.getElementById('key-input').value = '';
  refresh(true);
});

// ---- overview --------------------------------------------------------------------------------------------------
function flags(c) {
  const rules = new Set(c.activeWarningRules);
  const age = c.hasBusinessHours ? c.oldestOpenBusinessAgeSeconds : c.oldestOpenAgeSeconds;
  const late = rules.has('response-target') || rules.has('critic-ignored') || (c.responseTargetSeconds && age > c.responseTargetSeconds);
  const list = [];
  if (c.pollState === 'credentials-rejected') list.push(['failing', 'failing', 'Credentials rejected']);
  else if (c.pollState === 'paused') list.push(['paused', 'paused', `Paused by the platform until ${time(c.pausedUntil)}`]);
  else if (c.pollError) list.push(['failing', 'failing', 'Poll failing']);
  if (c.credential && c.credential.state === 'expiring') list.push(['expiring', 'hourglass', `Access ends ${time(c.credential.expiresAt)}`]);
  else if (c.credential && c.credential.state === 'expired') list.push(['failing', 'hourglass', 'Access ended']);
  if (rules.has('brand-silent')) list.push(['silent', 'silent', `Silent ${days(c.silentForSeconds) ?? '?'} days`]);
  if (c.criticalOpenCount > 0) list.push(['critical', 'critical', `${c.criticalOpenCount} ${c.criticalOpenCount === 1 ? 'critic' : 'critics'} waiting`]);
  if (late) list.push(['late', 'late', 'Late']);
  if (!list.length) list.push(['ok', 'ok', 'On track']);
  return list;
}

// What the platform last said of the channel's access: when it ends and who renews it, in one sentence. The platform's
// own account (e.g. "PAGE token, does not expire, data access until …") is kept for a hover, not shown beside it.
function credential(x) {
  if (!x || x.state === 'unknown') return 'No end given by the platform';
  if (x.state === 'rejected') return `${icon('failing')} The platform rejected the token: renew it`;
  const who = x.renewedByMonitor ? 'renewed by the monitor' : 'renewed by a person';
  const end = x.expiresAt ? `${x.state === 'expired' ? 'Access ended' : 'Access ends'} ${time(x.expiresAt)}` : 'Access does not end';
  return `${x.state === 'expiring' || x.state === 'expired' ? `${icon('hourglass')} ` : ''}${end}, ${who}`;
}

// How urgent a channel is, most urgent first: its worst active warning, then critics waiting, lateness, failing
// polls, then how much waits. Cards are sorted by it, so the wall and the morning look start where work is.
const SEVERITY_RANK = { critical: 3, warning: 2, info: 1 };
function urgency(c) {
  const worst = Math.max(0, ...c.activeWarnings.map(w => SEVERITY_RANK[w.severity] ?? 0));
  const f = flags(c).map(x => x[0]);
  return [worst, c.criticalOpenCount, f.includes('late') ? 1 : 0, f.includes('failing') ? 1 : 0, c.openCount, c.oldestOpenAgeSeconds ?? 0];
}
function byUrgency(a, b) {
  const x = urgency(a), y = urgency(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i] - x[i];
  return 0;
}

function card(c) {
  const f = flags(c);
  const businessAge = c.hasBusinessHours ? ` <span class="business">(${duration(c.oldestOpenBusinessAgeSeconds)} business)</span>` : '';
  const target = c.responseTargetSeconds ? ` <span class="target">target ${duration(c.responseTargetSeconds)}</span>` : '';
  const firstBusiness = c.hasBusinessHours ? `<br><span class="business">business: ${duration(c.medianFirstResponseBusinessSeconds)} / ${duration(c.p90FirstResponseBusinessSeconds)}</span>` : '';
  const silent = c.silentForSeconds === null ? 'never' : `${time(c.lastBrandActivityAt)} <span class="silent-for">silent for ${duration(c.silentForSeconds)}${c.hasBusinessHours ? ` (${duration(c.silentForBusinessSeconds)} business)` : ''}</span>`;
  const poll = c.pollState === 'paused'
    ? `<span class="paused">${icon('paused')} paused until ${time(c.pausedUntil)}: ${h(c.pollError)}</span>`
    : c.pollError ? `<span class="error">${icon('failing')} ${h(c.pollError)}</span>` : `${icon('ok')} ${time(c.lastPollSucceededAt)}`;
  const more = c.activeWarningCount - c.activeWarnings.length;
  const warnings = c.activeWarnings.length
    ? `<ul class="card-warnings">${[...c.activeWarnings].sort(bySeverity).map(w => `<li class="sev-${h(w.severity)}"><span class="badge">${h(words.severity(w.severity))}</span> ${h(w.message)}</li>`).join('')}${more > 0 ? `<li class="more">and ${more} more in Warnings</li>` : ''}</ul>`
    : '';
  const source = c.credential?.source ? ` title="${h(c.credential.source)}"` : '';
  return `<li class="card ${f.map(x => x[0]).join(' ')}" id="card-${h(c.id)}" data-channel="${h(c.id)}" data-open="${c.openCount}" data-critical="${c.criticalOpenCount}">
    <h4>${h(c.name)} <span class="kind">${h(words.platformLabel(c.kind))}</span></h4>
    <p class="flags">${f.map(([cls, name, text]) => `<span class="flag ${cls}">${icon(name)} ${h(text)}</span>`).join(' ')}</p>
    <div class="slot" data-slot="channel" data-channel="${h(c.id)}"></div>
    <dl>
      <div><dt>Open</dt><dd class="open-count">${c.openCount}</dd></div>
      <div><dt>Critics waiting</dt><dd class="critical-count">${c.criticalOpenCount}</dd></div>
      <div><dt>Oldest wait</dt><dd>${duration(c.oldestOpenAgeSeconds)}${businessAge}</dd></div>
      <div><dt>Response rate</dt><dd class="rate">${percent(c.responseRate)}</dd></div>
      <div class="wide detail"><dt>First response, median / p90</dt><dd>${duration(c.medianFirstResponseSeconds)} / ${duration(c.p90FirstResponseSeconds)}${target}${firstBusiness}</dd></div>
      <div class="wide detail"><dt>Last brand activity</dt><dd>${silent}</dd></div>
      <div class="wide detail"><dt>Poll</dt><dd>${poll}</dd></div>
      <div class="wide detail"><dt>Credentials</dt><dd class="credential cred-${h(c.credential ? c.credential.state : 'unknown')}"${source}>${credential(c.credential)}</dd></div>
    </dl>${warnings}</li>`;
}

function renderOverview() {
  const d = state.dashboard;
  const brands = [...new Set(d.channels.map(c => c.brand))];
  const detectors = new Map(d.detectors.map(x => [x.brand, x]));
  const html = `<p class="totals"><strong>${d.openCount}</strong> waiting · <strong>${d.criticalOpenCount}</strong> critics · <strong>${d.activeWarningCount}</strong> active warnings</p>` +
    brands.map(b => `<section class="brand" aria-label="Brand ${h(b)}"><h3>${h(b)} <span class="detector">critics judged by ${h(words.detector(detectors.get(b)?.detector ?? 'builtin'))}</span></h3>
      <ul class="cards">${d.channels.filter(c => c.brand === b).sort(byUrgency).map(card).join('')}</ul></section>`).join('');
  render('overview-body', html);
}

// ---- waiting comments ------------------------------------------------------------------------------------------
function fillSelect(id, values) {
  const select = document.getElementById(id);
  const current = select.value;
  const html = `<option value="">All</option>${values.map(([v, label]) => `<option value="${h(v)}">${h(label)}</option>`).join('')}`;
  if (rendered.get(id) !== html) { select.innerHTML = html; rendered.set(id, html); select.value = current; }
}

function renderWaiting() {
  const channels = channelsById();
  fillSelect('filter-channel', state.dashboard.channels.map(c => [c.id, c.name]));
  fillSelect('filter-brand', [...new Set(state.dashboard.channels.map(c => c.brand))].map(b => [b, b]));
  fillSelect('filter-language', [...new Set(state.unanswered.map(i => i.language))].sort().map(l => [l, words.language(l)]));
  const channel = document.getElementById('filter-channel').value;
  const brand = document.getElementById('filter-brand').value;
  const language = document.getElementById('filter-language').value;
  const criticsOnly = document.getElementById('filter-critical').checked;
  let items = state.unanswered.filter(i => (!channel || i.channelId === channel)
    && (!brand || channels.get(i.channelId)?.brand === brand)
    && (!language || i.language === language)
    && (!criticsOnly || i.critical));
  const html = items.length === 0 ? '<p class="empty">Nothing is waiting.</p>' : `<ol class="waiting-list">${items.map(i => {
    const c = channels.get(i.channelId);
    const key = `${i.channelId}/${i.id}`;
    const given = state.given.get(key);
    const label = i.critical ? `<span class="label critical">${icon('critical')} critical</span>` : `<span class="label ${h(i.criticLabel)}">${h(words.criticLabel(i.criticLabel))}</span>`;
    const age = c?.hasBusinessHours ? `${duration(i.ageSeconds)} (${duration(i.businessAgeSeconds)} business)` : duration(i.ageSeconds);
    const safeId = `${i.channelId}-${i.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
    return `<li class="comment ${i.critical ? 'critical' : ''}" data-channel="${h(i.channelId)}" data-item="${h(i.id)}" data-created="${h(i.createdAt)}">
      <p class="meta">${label} <span class="score">score ${i.criticScore.toFixed(2)}</span> · <span class="age">waiting ${age}</span> · ${h(i.authorName || i.authorId)} on ${h(c?.name ?? i.channelId)} · ${h(words.language(i.language))} · <span class="judged-by">judged by ${h(words.detector(i.criticDetector ?? 'lexicon'))}</span></p>
      <blockquote>${h(i.text)}</blockquote>
      ${i.cues.length ? `<p class="cues">Why: ${words.cues(i.cues)}</p>` : ''}
      <p class="actions">${i.url ? `<a class="open-link" href="${h(i.url)}" target="_blank" rel="noopener noreferrer">${icon('answer')} Answer on ${h(words.platform(c?.kind))}</a>` : ''}
        <span class="slot" data-slot="comment" data-channel="${h(i.channelId)}" data-item="${h(i.id)}"></span>
        <span class="controls">
          <button type="button" id="label-critical-${h(safeId)}" data-action="label" data-label="critical" data-channel="${h(i.channelId)}" data-item="${h(i.id)}" aria-pressed="${given === 'critical'}">Critical</button>
          <button type="button" id="label-not-${h(safeId)}" data-action="label" data-label="not_critical" data-channel="${h(i.channelId)}" data-item="${h(i.id)}" aria-pressed="${given === 'not_critical'}">Not critical</button>
        </span>
        <span class="labelled">${given ? `Labelled ${given.replace('_', ' ')}` : ''}</span></p></li>`;
  }).join('')}</ol>`;
  const more = state.unansweredTotal > state.unanswered.length ? `<p class="more">Showing the oldest ${state.unanswered.length} of ${state.unansweredTotal} waiting (the API lists the rest: /api/unanswered?channel=…).</p>` : '';
  render('waiting-body', html + more);
}

async function refreshModels() {
  if (wall) return;
  const brands = [...new Set(state.dashboard.channels.map(c => c.brand))];
  const detectors = new Map(state.dashboard.detectors.map(x => [x.brand, x]));
  for (const brand of brands) {
    const labels = await api(`/api/critics/labels?brand=${encodeURIComponent(brand)}&limit=1`);
    // No model is a normal state: the dashboard says whether one was trained, so nothing is asked for in vain.
    let model = null;
    if (detectors.get(brand)?.modelTrainedAt) {
      try { model = await api(`/api/critics/models/${encodeURIComponent(brand)}`); } catch (e) { if (e.status !== 404) throw e; }
    }
    state.models.set(brand, { labels, model, message: state.models.get(brand)?.message ?? '' });
  }
  renderModels();
}

function renderModels() {
  const html = [...state.models].map(([brand, { labels, model, message }]) => `<div class="model" data-brand="${h(brand)}">
    <p><strong>${h(brand)}</strong>: <span class="label-count">${labels.count}</span> labels (${labels.critical} critical, ${labels.notCritical} not critical).
    ${model ? `Own model trained ${time(model.trainedAt)} on ${model.examples} labels: F1 ${model.model.f1.toFixed(2)} against the built-in ${model.builtIn.f1.toFixed(2)}, ${model.adopted ? 'in use' : 'not adopted'}.` : 'No own model yet.'}
    <button type="button" id="train-${h(brand.replace(/[^A-Za-z0-9_-]/g, '_'))}" data-action="train" data-brand="${h(brand)}">Train from labels</button>
    <span class="train-result" role="status">${h(message)}</span></p></div>`).join('');
  render('models', html);
}

// ---- charts ------------------------------------------------------------------------------------------------------
async function inBatches(tasks, size) {
  const results = [];
  for (let i = 0; i < tasks.length; i += size) results.push(...await Promise.all(tasks.slice(i, i + size).map(t => t())));
  return results;
}

async function refreshCharts() {
  const end = new Date(); end.setUTCHours(0, 0, 0, 0);
  const dayEnds = Array.from({ length: 30 }, (_, i) => new Date(end.getTime() - (28 - i) * DAY)); // the last ends tomorrow 00:00
  const iso = d => d.toISOString();
  // First response per day: each message's day in its channel's time zone, answers counted whenever they came
  // (docs/METRICS.md, "Days"): one request, not one window per day that would drop answers after midnight.
  const daily = await api('/api/metrics/daily?days=30');
  const openAt = await inBatches(dayEnds.map(e => () => api(`/api/metrics?from=${iso(new Date(e - 30 * DAY))}&to=${iso(e)}`)), 6);
  const month = await api(`/api/metrics?from=${iso(new Date(Date.now() - 30 * DAY))}&to=${iso(new Date())}`);
  state.metrics = { daily, openLabels: dayEnds.map(e => new Date(e - DAY).toISOString().slice(5, 10)), openAt, month };
  renderCharts();
}

function renderCharts() {
  if (!state.metrics) return;
  const { daily, openLabels, openAt, month } = state.metrics;
  const clock = state.clock;
  render('chart-frt', lineChart('chart-frt-title', daily.days.map(d => d.date.slice(5)), [
    { name: 'median', cls: 'median', values: daily.days.map(d => hours(d.metrics.firstResponse[clock].medianSeconds)) },
    { name: 'p90', cls: 'p90', values: daily.days.map(d => hours(d.metrics.firstResponse[clock].p90Seconds)) },
  ], ' h', daily.days.map(d => d.date)));
  const buckets = month.total.firstResponse[clock].buckets;
  render('chart-buckets', barChart('chart-buckets-title', ['0–1 h', '1–4 h', '4–8 h', '8–24 h', '> 24 h'], [buckets['0-1h'], buckets['1-4h'], buckets['4-8h'], buckets['8-24h'], buckets['over24h']]));
  render('chart-open', lineChart('chart-open-title', openLabels, [{ name: 'open', cls: 'open', values: openAt.map(m => m.total.unansweredAge[clock].count) }], ''));
  render('chart-rate', rateChart('chart-rate-title', state.dashboard.channels.map(c => ({ label: c.name, rate: c.responseRate }))));
}

// ---- warnings, silences, outbox ----------------------------------------------------------------------------------
function bySeverity(a, b) { return ((SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0)) || String(b.since).localeCompare(String(a.since)); }

function renderWarnings() {
  const channels = channelsById();
  const name = id => h(channels.get(id)?.name ?? id);
  const order = { firing: 0, pending: 1, resolved: 2, inactive: 3 };
  const warnings = [...state.warnings].sort((a, b) => (order[a.state] - order[b.state]) || bySeverity(a, b));
  render('warnings-body', warnings.length === 0 ? '<p class="empty">No warnings.</p>' : `<ul class="rows">${warnings.map((w, n) => `<li class="row warning state-${h(w.state)} sev-${h(w.severity)}" data-rule="${h(w.rule)}" data-channel="${h(w.channelId)}" data-subject="${h(w.subject)}">
    <span class="badge sev">${h(words.severity(w.severity))}</span> <span class="badge state">${h(words.warningState(w.state))}</span> <strong>${name(w.channelId)}</strong> · ${h(words.rule(w.rule))}
    <p>${h(w.message)}</p><p class="when">since ${time(w.since)}${w.resolvedAt ? ` · resolved ${time(w.resolvedAt)}` : ''}</p>
    ${w.state === 'firing' || w.state === 'pending' ? `<button type="button" class="controls" id="silence-${n}" data-action="silence" data-channel="${h(w.channelId)}" data-rule="${h(w.rule)}" data-subject="${h(w.subject)}">Silence…</button>` : ''}</li>`).join('')}</ul>`);
  render('silences-body', state.silences.length === 0 ? '<p class="empty">No silences.</p>' : `<ul class="rows">${state.silences.map(s => `<li class="row silence status-${h(s.status)}" data-id="${h(s.id)}">
    <span class="badge">${h(s.status)}</span> ${[s.brand, s.channelId && name(s.channelId), s.rule, s.subject].filter(Boolean).map(h).join(' · ')}
    <p>until ${time(s.endsAt)} · by ${h(s.createdBy)}: ${h(s.comment)}</p>
    ${s.status !== 'expired' ? `<button type="button" class="controls" id="expire-${h(s.id)}" data-action="expire" data-id="${h(s.id)}">Expire now</button>` : ''}</li>`).join('')}</ul>`);
  render('history-body', state.history.length === 0 ? '<p class="empty">No history yet.</p>' : `<ol class="rows history">${state.history.slice(0, 30).map(e => `<li class="row" data-event="${h(e.event)}"><span class="badge">${h(words.event(e.event))}</span> ${time(e.at)} · ${name(e.channelId)} · ${h(words.rule(e.rule))}: ${h(e.message)}</li>`).join('')}</ol>`);
  render('outbox-body', state.outbox.length === 0 ? '<p class="empty">Nothing sent or waiting.</p>' : `<ul class="rows">${state.outbox.map(d => `<li class="row delivery status-${h(d.status)}" data-id="${h(d.id)}" data-rule="${h(d.rule)}" data-held="${h(d.heldBy ?? '')}">
    <span class="badge">${h(words.delivery(d.status))}</span> to ${h(d.sink)} · ${h(words.event(d.event))} · ${name(d.channelId)} · ${h(words.rule(d.rule))} · ${d.attempts} ${d.attempts === 1 ? 'attempt' : 'attempts'}
    <p>${d.sentAt ? `sent ${time(d.sentAt)}` : `next attempt ${time(d.nextAttemptAt)}`}${d.heldBy ? ` · held by ${h(d.heldBy)}` : ''}${d.lastError ? ` · <span class="error">${h(d.lastError)}</span>` : ''}</p>
    ${d.status === 'failed' ? `<button type="button" class="controls" id="retry-${h(d.id)}" data-action="retry" data-channel="${h(d.channelId)}" data-id="${h(d.id)}">Retry</button>` : ''}</li>`).join('')}</ul>`);
}

// ---- refresh -----------------------------------------------------------------------------------------------------
async function refresh(forceCharts = false) {
  if (!getKey()) { askKey(); return; }
  try {
    const [dashboard, next, unanswered, warnings, silences, history, outbox] = await Promise.all([
      api('/api/dashboard'),
      api(`/api/unanswered?order=due&limit=${wall ? 200 : 12}`),
      wall ? { items: [], total: 0 } : api('/api/unanswered?limit=500'),
      wall ? { items: [] } : api('/api/warnings?state=all&limit=200'),
      wall ? { items: [] } : api('/api/silences'),
      wall ? { items: [] } : api('/api/warnings/history?limit=30'),
      wall ? { items: [] } : api('/api/notifications?limit=100'),
    ]);
    Object.assign(state, { dashboard, next: next.items, nextTotal: next.total, unansweredTotal: unanswered.total, unanswered: unanswered.items, warnings: warnings.items, silences: silences.items, history: history.items, outbox: outbox.items });
    document.getElementById('key-dialog').close();
    render('next-body', renderNext(state.next, state.nextTotal, channelsById(), wall));
    renderOverview();
    if (!wall) renderWaiting();
    if (!wall) renderWarnings();
    state.lastGood = new Date();
    status(`Updated ${state.lastGood.toLocaleTimeString()}`, 'fresh');
    if (!wall && (forceCharts || state.cycle % CHARTS_EVERY === 0)) { await refreshCharts(); await refreshModels(); }
    if (!wall) renderCharts();
    state.cycle++;
  } catch (error) {
    if (error instanceof Unauthorized) {
      clearKey();
      askKey('That key was not accepted. Enter the API key again.');
      status('Waiting for a valid key.', 'error');
    } else if (error instanceof Unreachable) {
      status(`Cannot reach the monitor. ${state.lastGood ? `Figures below are from the last good refresh at ${state.lastGood.toLocaleTimeString()} (stale).` : 'Nothing loaded yet.'}`, 'stale');
    } else {
      status(`The monitor answered with an error: ${error.message}`, 'error');
    }
  }
}

// ---- actions -----------------------------------------------------------------------------------------------------
async function act(button) {
  const d = button.dataset;
  try {
    if (d.action === 'label') {
      await api('/api/critics/labels', { method: 'POST', body: { labels: [{ channelId: d.channel, itemId: d.item, label: d.label }] } });
      state.given.set(`${d.channel}/${d.item}`, d.label);
      renderWaiting();
      await refreshModels();
    } else if (d.action === 'train') {
      const entry = state.models.get(d.brand);
      try {
        const result = await api(`/api/critics/models/${encodeURIComponent(d.brand)}/from-labels`, { method: 'POST' });
        entry.message = `Trained on ${result.used} labels: ${result.model.adopted ? 'the model is now in use.' : 'it did not beat the built-in detector, which stays.'}`;
      } catch (e) {
        if (e instanceof Unauthorized || e instanceof Unreachable) throw e;
        entry.message = `Not trained: ${e.message}`;
      }
      await refreshModels();
    } else if (d.action === 'silence') {
      document.getElementById('silence-channel').value = d.channel;
      document.getElementById('silence-rule').value = d.rule;
      document.getElementById('silence-subject').value = d.subject;
      document.getElementById('silence-error').textContent = '';
      document.getElementById('silence-dialog').showModal();
      document.getElementById('silence-by').focus();
    } else if (d.action === 'expire') {
      await api(`/api/silences/${encodeURIComponent(d.id)}`, { method: 'DELETE' });
      await refresh();
    } else if (d.action === 'retry') {
      await api(`/api/notifications/${encodeURIComponent(d.channel)}/${encodeURIComponent(d.id)}/retry`, { method: 'POST' });
      await refresh();
    }
  } catch (error) {
    if (error instanceof Unauthorized) { clearKey(); askKey('That key was not accepted. Enter the API key again.'); return; }
    status(`Could not ${d.action}: ${error.message}`, error instanceof Unreachable ? 'stale' : 'error');
  }
}

document.addEventListener('click', event => {
  const button = event.target.closest('button[data-action]');
  if (button) act(button);
});

document.getElementById('filters').addEventListener('change', () => renderWaiting());
document.getElementById('filters').addEventListener('submit', event => event.preventDefault());
document.querySelectorAll('input[name="clock"]').forEach(radio => radio.addEventListener('change', () => { state.clock = radio.value; renderCharts(); }));
document.getElementById('silence-cancel').addEventListener('click', () => document.getElementById('silence-dialog').close());
document.getElementById('silence-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    await api('/api/silences', { method: 'POST', body: { channelId: form.get('channelId'), rule: form.get('rule'), subject: form.get('subject'), duration: form.get('duration'), createdBy: form.get('createdBy'), comment: form.get('comment') } });
    document.getElementById('silence-dialog').close();
    await refresh();
  } catch (error) {
    document.getElementById('silence-error').textContent = error.message;
  }
});

if (wall) document.body.classList.add('wall');
refresh(true);
state.timer = setInterval(() => refresh(), REFRESH_MS);
