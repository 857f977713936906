import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { finishPdf, PRODUCER } from '../../src/pdf/finish-pdf.js';
import type { BriefMeta } from '../../src/types.js';
import { tempDir } from '../helpers/fixtures.js';
import { readPdf } from '../helpers/pdf.js';
import { readPdfStructure } from '../helpers/pdf-structure.js';

const out = await tempDir();
afterAll(() => out.remove());

const meta: BriefMeta = {
  title: 'Überblick: risks',
  subtitle: 'A subtitle',
  shortTitle: 'Risks',
  authors: [{ name: 'Ada Analyst' }, { name: 'Ben Adviser', affiliation: 'X' }],
  lang: 'de-DE',
  theme: 'institutional',
  aspect: '16:9',
  budget: 100,
  keywords: ['arms control', 'Asia'],
};

/** A stand-in for Chromium's output: three pages, tags, and destinations named by URL fragment. */
async function chromiumLike(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const pages = [doc.addPage(), doc.addPage(), doc.addPage()];
  const dest = (i: number) => doc.context.obj([pages[i].ref, PDFName.of('XYZ'), 0, 800, 0]);
  doc.catalog.set(PDFName.of('Dests'), doc.context.obj({ title: dest(0), '%C3%BCberblick': dest(1), 'one-p1': dest(2) }));
  doc.catalog.set(PDFName.of('MarkInfo'), doc.context.obj({ Marked: true }));
  doc.catalog.set(PDFName.of('StructTreeRoot'), doc.context.register(doc.context.obj({ Type: 'StructTreeRoot' })));
  return doc.save();
}

describe('finishPdf', () => {
  it('adds metadata and bookmarks, finds percent-encoded destinations, and keeps the tags', async () => {
    const file = path.join(out.dir, 'x.pdf');
    const outline = [
      { title: 'Überblick: risks', id: 'title', children: [] },
      { title: 'Überblick', id: 'überblick', children: [] },
      // A section whose slide is missing from the PDF: its slides move up a level.
      { title: 'Gone', id: 'gone', children: [{ title: 'One', id: 'one-p1', children: [] }] },
    ];
    await writeFile(file, await finishPdf(await chromiumLike(), { meta, outline, date: new Date('2026-11-28T10:00:00Z') }));
    const [pdf, structure] = await Promise.all([readPdf(file), readPdfStructure(file)]);
    expect(structure.outline).toEqual([
      { title: 'Überblick: risks', page: 1, children: [] },
      { title: 'Überblick', page: 2, children: [] },
      { title: 'One', page: 3, children: [] },
    ]);
    expect(structure.tagged).toBe(true);
    expect(structure.hasStructTree).toBe(true);
    expect(structure.lang).toBe('de-DE');
    expect(pdf.info).toMatchObject({
      Title: 'Überblick: risks',
      Author: 'Ada Analyst, Ben Adviser',
      Subject: 'A subtitle',
      Keywords: 'arms control, Asia',
      Producer: PRODUCER,
      CreationDate: 'D:20261128100000Z',
    });
  });

  it('carries the protective marking in the document properties (Info and XMP)', async () => {
    const file = path.join(out.dir, 'marked.pdf');
    await writeFile(file, await finishPdf(await chromiumLike(), { meta: { ...meta, classification: 'OFFICIAL-SENSITIVE' }, outline: [], date: new Date('2026-11-28T10:00:00Z') }));
    const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    expect((info.lookup(PDFName.of('Classification')) as PDFHexString).decodeText()).toBe('OFFICIAL-SENSITIVE');
    const xmp = doc.context.lookup(doc.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
    expect(new TextDecoder().decode(xmp.contents)).toContain('<pdfx:Classification>OFFICIAL-SENSITIVE</pdfx:Classification>');
    // Unmarked briefs carry no such property.
    const plain = path.join(out.dir, 'plain.pdf');
    await writeFile(plain, await finishPdf(await chromiumLike(), { meta, outline: [], date: new Date('2026-11-28T10:00:00Z') }));
    const plainDoc = await PDFDocument.load(await readFile(plain), { updateMetadata: false });
    expect(plainDoc.context.lookup(plainDoc.context.trailerInfo.Info, PDFDict).lookup(PDFName.of('Classification'))).toBeUndefined();
  });

  it('writes no outline when no slide can be found', async () => {
    const file = path.join(out.dir, 'y.pdf');
    await writeFile(file, await finishPdf(await chromiumLike(), { meta, outline: [{ title: 'X', id: 'nowhere', children: [] }] }));
    const doc = await PDFDocument.load(await readFile(file));
    expect(doc.catalog.has(PDFName.of('Outlines'))).toBe(false);
  });
});
