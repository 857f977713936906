import type { IndexEntry } from '../types.js';
import { VERSION } from '../version.js';
import { compilePage } from './handlebars.js';
import { formatDate } from './render-deck.js';
import { inlineScripts, scriptHash, withPolicy } from './csp.js';

function pdfLabel(name: string, file: string): string {
  return file === `${name}.pdf` ? 'PDF' : `PDF: ${file.replace(/\.pdf$/i, '').replace(`${name}-`, '')}`;
}

/** The listing page: every deck with its title, date, slide count and PDFs. */
export function renderIndex(entries: IndexEntry[], template: { source: string; file: string }, options: { scriptHtml?: string; lead?: string } = {}): string {
  const sorted = [...entries].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title));
  const base = (name: string): string => `${encodeURIComponent(name)}/`;
  const html = compilePage(template.source, template.file)({
    version: VERSION,
    heading: 'Briefing decks',
    lead: options.lead ?? `${entries.length} ${entries.length === 1 ? 'deck' : 'decks'}, newest first.`,
    decks: sorted.map((e) => ({
      name: e.name,
      title: e.title,
      date: e.date ?? '',
      dateLabel: formatDate(e.date, e.lang ?? 'en') ?? '',
      slides: e.slides,
      brief: e.brief,
      href: e.built ? `${base(e.name)}index.html` : '',
      pdfs: e.pdfs.map((file) => ({ href: base(e.name) + encodeURIComponent(file), label: pdfLabel(e.name, file) })),
      error: e.error ?? '',
    })),
    scriptHtml: options.scriptHtml ?? '',
  });
  // The deck's policy: the only script is serve's live client (`scriptHtml`), which connects back.
  const scripts = inlineScripts(options.scriptHtml ?? '');
  return withPolicy(html, { hashes: scripts.map(scriptHash) }, scripts.length > 0);
}
