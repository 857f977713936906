import type { Brief } from '../types.js';
import type { Labels } from '../i18n/labels.js';
import { formatDate } from './render-deck.js';

/** Every character the deck can show: the brief, its front matter and briefdeck's own labels. */
export function deckText(brief: Brief, labels: Labels): string {
  const meta = Object.values(brief.meta).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.map((a) => JSON.stringify(a)) : []));
  return [brief.body, ...meta, formatDate(brief.meta.date, brief.meta.lang) ?? '', ...Object.values(labels)].join('\n');
}
