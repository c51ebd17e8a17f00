// "Answer next": one list across every channel, the comment whose rule is breached soonest first (breached ones first
// of all), from /api/unanswered?order=due. Each row says who, where, how long, why it may be a critic, and links to
// answer on the platform. On the wall screen it lists the critics and the breaches only.
import { escapeHtml as h, time } from './format.js';
import * as words from './words.js';
import { icon } from './icons.js';

const WALL_ROWS = 8;

/** When the comment breaches its rule, in words: "Overdue by 3 hours" or "5 hours left". */
function due(item) {
  if (item.dueInSeconds === null || item.dueInSeconds === undefined) return { cls: 'none', text: 'No target' };
  const rule = item.dueRule === 'critic-ignored' ? 'critic threshold' : 'response target';
  return item.dueInSeconds < 0
    ? { cls: 'breached', text: `Overdue by ${words.wait(-item.dueInSeconds)}`, title: `Past the ${rule} since ${time(item.dueAt)}` }
    : { cls: 'due', text: `${words.wait(item.dueInSeconds)} left`, title: `The ${rule} is reached ${time(item.dueAt)}` };
}

function row(item, channels) {
  const channel = channels.get(item.channelId);
  const d = due(item);
  const who = item.authorName || item.authorId;
  const headline = item.critical ? `Critic waiting ${words.wait(item.ageSeconds)}` : `Waiting ${words.wait(item.ageSeconds)}`;
  const why = item.critical && item.cues.length ? `<p class="cues">Why a critic: ${words.cues(item.cues.slice(0, 3))}</p>` : '';
  const answer = item.url
    ? `<a class="open-link answer" href="${h(item.url)}" target="_blank" rel="noopener noreferrer">${icon('answer')} Answer on ${h(words.platform(channel?.kind))}</a>`
    : '';
  return `<li class="next-item ${item.critical ? 'critical' : ''} ${d.cls}" data-channel="${h(item.channelId)}" data-item="${h(item.id)}" data-due="${h(item.dueAt ?? '')}">
    <p class="next-head"><span class="due-badge ${d.cls}"${d.title ? ` title="${h(d.title)}"` : ''}>${icon(d.cls === 'breached' ? 'critical' : 'late')} ${h(d.text)}</span>
      <strong class="headline">${h(headline)}</strong> · <span class="who">${h(who)}</span> on <span class="where">${h(channel?.name ?? item.channelId)}</span></p>
    <blockquote>${h(item.text)}</blockquote>
    ${why}
    <p class="actions">${answer}<span class="slot" data-slot="comment" data-channel="${h(item.channelId)}" data-item="${h(item.id)}"></span></p></li>`;
}

/** The list's markup; on the wall, only critics and breaches, as many as fit. */
export function renderNext(items, total, channels, wall) {
  const shown = wall ? items.filter(i => i.critical || (i.dueInSeconds ?? 1) < 0) : items;
  if (shown.length === 0) return `<p class="empty">${icon('ok')} Nothing is waiting${wall ? ' that is late or critical' : ''}.</p>`;
  const rows = wall ? shown.slice(0, WALL_ROWS) : shown;
  const rest = (wall ? shown.length : total) - rows.length;
  return `<ol class="next-list">${rows.map(i => row(i, channels)).join('')}</ol>` +
    (rest > 0 ? `<p class="more">and ${rest} more${wall ? '' : ' in "Waiting for an answer" below'}.</p>` : '');
}
