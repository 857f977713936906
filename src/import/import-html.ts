import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import path from 'node:path';
import { fail } from '../errors.js';
import { briefMarkdown, type DocMeta, type Imported } from './brief-markdown.js';
import { htmlToMarkdown } from './html-markdown.js';

/** A whole web page rather than a fragment: it has the parts of a site around an article. */
const PAGE_PARTS = 'nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [role=complementary]';

function attr(doc: Document, selector: string, name = 'content'): string | undefined {
  return doc.querySelector(selector)?.getAttribute(name)?.trim() || undefined;
}

function pageMeta(doc: Document): DocMeta {
  return {
    title: doc.querySelector('title')?.textContent?.trim() || doc.querySelector('h1')?.textContent?.trim() || undefined,
    author: attr(doc, 'meta[name=author]') ?? attr(doc, 'meta[property="article:author"]'),
    date: attr(doc, 'meta[name=date]') ?? attr(doc, 'meta[property="article:published_time"]') ?? attr(doc, 'time[datetime]', 'datetime'),
    lang: doc.documentElement?.getAttribute('lang')?.trim() || undefined,
  };
}

/**
 * The article of a page, or the body of a document that is nothing but its text. linkedom builds
 * the document without running its scripts or loading anything it links; Readability only reads it.
 */
function articleHtml(doc: Document, file: string): { html: string; title?: string } {
  const body = doc.body ?? doc.documentElement;
  for (const el of Array.from(doc.querySelectorAll('script, style, noscript, template, iframe, object, embed'))) el.remove();
  if (!doc.querySelector(PAGE_PARTS)) return { html: body?.innerHTML ?? '' };
  // The site's parts go first (a header inside the article is the article's and stays), so
  // Readability cannot take a footer for the article when there is none.
  for (const el of Array.from(doc.querySelectorAll(PAGE_PARTS))) if (!el.closest('article, main, [role=main]') || el.matches('nav, aside')) el.remove();
  if (!body?.textContent?.trim()) {
    fail('no-article', 'no article found in this web page (only navigation, headers and footers); save the article itself as HTML or plain text', { at: { file, line: 1 } });
  }
  const article = new Readability(doc as never, { charThreshold: 200, keepClasses: false }).parse();
  if (!article?.content || !article.textContent?.trim()) {
    fail('no-article', 'no article found in this web page (only navigation, headers and footers); save the article itself as HTML or plain text', { at: { file, line: 1 } });
  }
  return { html: article.content, title: article.title ?? undefined };
}

/** A heading that repeats the title would be a slide of its own saying the same thing. */
function dropTitleHeading(blocks: { markdown: string; at: number }[], title: string | undefined): typeof blocks {
  const first = blocks[0]?.markdown.match(/^#{1,2} (.*)$/)?.[1];
  return first && title && first.trim() === title.trim() ? blocks.slice(1) : blocks;
}

/** HTML (a page or a fragment) to a Markdown brief. Pure: the caller reads the file. */
export function importHtml(text: string, file: string): Imported {
  const { document } = parseHTML(/<html[\s>]/i.test(text) ? text : `<!doctype html><html><body>${text}</body></html>`);
  const meta = pageMeta(document);
  const h1 = document.querySelector('h1')?.textContent?.trim();
  const { html, title } = articleHtml(document, file);
  const { blocks, found } = htmlToMarkdown(html);
  if (blocks.length === 0) fail('empty-brief', 'the web page has no text', { at: { file, line: 1 } });
  const docTitle = h1 ?? title ?? meta.title;
  const kept = dropTitleHeading(blocks.map((b) => ({ ...b, markdown: b.markdown.replace(/^# /, '## ') })), docTitle);
  if (kept.length < blocks.length && found.heading) found.heading--;
  // Readability rebuilds the page, so no line of the result is a line of the file: all point at the file.
  return { ...briefMarkdown({ ...meta, title: docTitle }, kept, path.basename(file), { exact: false }), found };
}
