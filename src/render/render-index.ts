import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../errors.js';
import { TEMPLATES_DIR } from '../paths.js';
import { VERSION } from '../version.js';
import { compilePage } from './handlebars.js';
import { formatDate } from './render-deck.js';

/** One deck in the listing of an output folder. */
export interface IndexEntry {
  /** The deck's folder name (the brief's name). */
  name: string;
  title: string;
  date?: string;
  lang?: string;
  slides: number;
  brief: string;
  /** PDF file names inside the deck's folder, current ones only. */
  pdfs: string[];
  /** Whether the folder holds a deck to link to. */
  built: boolean;
  /** The located error of the last build, while serving. */
  error?: string;
}

export const INDEX_TEMPLATE = path.join(TEMPLATES_DIR, 'index.hbs');

/** Read on every render: the listing is small, and an edited template shows at the next rebuild. */
export async function loadIndexTemplate(file = INDEX_TEMPLATE): Promise<{ source: string; file: string }> {
  try {
    return { source: await readFile(file, 'utf8'), file };
  } catch (error) {
    fail('template-missing', `cannot read the deck listing template ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function pdfLabel(name: string, file: string): string {
  return file === `${name}.pdf` ? 'PDF' : `PDF: ${file.replace(/\.pdf$/i, '').replace(`${name}-`, '')}`;
}

/** The listing page: every deck with its title, date, slide count and PDFs. */
export function renderIndex(entries: IndexEntry[], template: { source: string; file: string }, options: { scriptHtml?: string; lead?: string } = {}): string {
  const sorted = [...entries].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title));
  const base = (name: string): string => `${encodeURIComponent(name)}/`;
  return compilePage(template.source, template.file)({
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
}
