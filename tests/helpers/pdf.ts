import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfReadBack {
  pages: number;
  /** Text of each page, items joined by spaces. */
  text: string[];
  info: Record<string, unknown>;
  outline: Array<{ title: string; items: unknown[] }>;
  /** Link annotations of each page: external `url`s, and internal links (to a page of the PDF). */
  links: Array<Array<{ url?: string; internal: boolean }>>;
  /** Page sizes in PDF points. */
  sizes: Array<{ width: number; height: number }>;
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;
let reading: Promise<unknown> = Promise.resolve();

/**
 * Runs `read` on the PDF `file` opened with pdf.js, one document at a time in this process: pdf.js
 * 5.4.624 mixes up the pages of two documents read at once ("Invalid page request", pdf.js issue
 * 20629). 5.5 fixes that, but reads 12 % slower and splits text runs differently.
 */
export function withPdf<T>(file: string, read: (doc: PdfDocument) => Promise<T>): Promise<T> {
  const run = reading.then(async () => {
    const doc = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, isEvalSupported: false }).promise;
    try {
      return await read(doc);
    } finally {
      await doc.destroy();
    }
  });
  reading = run.catch(() => undefined);
  return run;
}

/** Reads a PDF back with pdf.js: the real file, as a viewer would see it. */
export function readPdf(file: string): Promise<PdfReadBack> {
  return withPdf(file, async (doc) => {
    const text: string[] = [];
    const sizes: Array<{ width: number; height: number }> = [];
    const links: PdfReadBack['links'] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      const annotations = (await page.getAnnotations()) as Array<{ subtype: string; url?: string; dest?: unknown }>;
      links.push(annotations.filter((a) => a.subtype === 'Link').map((a) => ({ url: a.url, internal: !a.url && a.dest !== undefined })));
      const [x0, y0, x1, y1] = page.view;
      sizes.push({ width: x1 - x0, height: y1 - y0 });
    }
    const meta = await doc.getMetadata();
    const outline = ((await doc.getOutline()) ?? []) as PdfReadBack['outline'];
    return { pages: doc.numPages, text, info: meta.info as Record<string, unknown>, outline, links, sizes };
  });
}
