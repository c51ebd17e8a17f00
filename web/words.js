// The page's words: what the API names in code (kinds, rules, cues, states) said as a person would say it.
import { escapeHtml as h } from './format.js';

const PLATFORMS = {
  'facebook-page': 'Facebook', instagram: 'Instagram', youtube: 'YouTube', mastodon: 'Mastodon', bluesky: 'Bluesky',
  reddit: 'Reddit', x: 'X', 'generic-feed': 'the site',
};

/** "Facebook" for facebook-page; a kind the page does not know keeps its own name. */
export function platform(kind) { return PLATFORMS[kind] ?? kind ?? 'the platform'; }

/** The badge beside a channel's name: "Facebook", "Forum or site" for a generic feed. */
export function platformLabel(kind) { return kind === 'generic-feed' ? 'Forum or site' : platform(kind); }

const RULES = {
  'critic-ignored': 'Critic waiting', 'response-target': 'Past the response target', 'brand-silent': 'Brand silent',
  'backlog-spike': 'Backlog spike', 'criticism-spike': 'Criticism spike', 'credentials-rejected': 'Token rejected',
  'credentials-expiring': 'Token expiring',
};

/** A warning rule in words; a rule the page does not know yet reads as its name with spaces. */
export function rule(name) {
  if (RULES[name]) return RULES[name];
  const text = String(name ?? '').replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SEVERITIES = { critical: 'Critical', warning: 'Warning', info: 'Heads-up' };
export function severity(name) { return SEVERITIES[name] ?? name; }

const STATES = { firing: 'Active', pending: 'Building up', resolved: 'Resolved', inactive: 'Over' };
export function warningState(name) { return STATES[name] ?? name; }

const EVENTS = { pending: 'Building up', firing: 'Became active', escalated: 'Grew worse', reminder: 'Reminded', resolved: 'Resolved', inactive: 'Over' };
/** A history entry's event in words. */
export function event(name) { return EVENTS[name] ?? warningState(name); }

const DETECTORS = { builtin: 'the built-in detector', lexicon: 'the built-in word lists', model: 'the built-in detector', 'brand-model': "the brand's own model", 'azure-language': 'Azure AI Language' };
export function detector(name) { return DETECTORS[name] ?? name; }

const LABELS = { critical: 'critic', 'not-critical': 'not a critic', unclassified: 'not judged' };
export function criticLabel(name) { return LABELS[name] ?? name; }

const DELIVERY = { pending: 'Waiting to send', sent: 'Sent', failed: 'Failed' };
export function delivery(name) { return DELIVERY[name] ?? name; }

let languageNames = null;
/** "German" for de, through the browser's own names; the code when the browser has none. */
export function language(code) {
  try {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A wait as a person says it: "40 minutes", "5 hours", "2 days". */
export function wait(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.max(0, seconds);
  if (s < 3600) { const m = Math.max(1, Math.round(s / 60)); return `${m} minute${m === 1 ? '' : 's'}`; }
  if (s < 48 * 3600) { const hrs = Math.floor(s / 3600); return `${hrs} hour${hrs === 1 ? '' : 's'}`; }
  const d = Math.floor(s / 86400);
  return `${d} days`;
}

/** A cue of the critic detector as a reader would put it: complaint:refund → complains about "refund". */
export function cue(code) {
  const text = String(code ?? '');
  const at = text.indexOf(':');
  const kind = at < 0 ? text : text.slice(0, at);
  // A stem's "*" (refund* for refunds, refunded) is the lexicon's notation, not the reader's.
  const value = at < 0 ? '' : text.slice(at + 1).replace(/\*$/, '');
  switch (kind) {
    case 'complaint': return `complains of “${value}”`;
    case 'negative': return `negative word “${value}”`;
    case 'positive': return `positive word “${value}”`;
    case 'negated': return `“${value}” said with a not`;
    case 'negation': return `a “${value}”`;
    case 'phrase': return `says “${value}”`;
    case 'rule': return `your rule “${value}”`;
    case 'emoji': return `emoji ${value}`;
    case 'emoticon': return `emoticon ${value}`;
    case 'sarcasm': return 'sounds sarcastic';
    case 'model': return "the brand's own model";
    case 'shape': return value === 'shouting' ? 'written in capitals' : value === 'repeated-punctuation' ? 'repeated !!! or ???' : value.replace(/-/g, ' ');
    default: return text.replace(/[:_-]/g, ' ');
  }
}

/** The cues of a comment as HTML, each with its code kept in data-cue for tools and tests. */
export function cues(list) {
  return list.map(c => `<span class="cue" data-cue="${h(c)}">${h(cue(c))}</span>`).join(' ');
}
