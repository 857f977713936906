import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFString, PDFHexString, decodePDFRawStream, type PDFObject } from 'pdf-lib';

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export interface PdfLink {
  /** 1-based page the link sits on. */
  page: number;
  uri?: string;
  /** 1-based page an internal link jumps to. */
  target?: number;
}

export interface PdfBookmark {
  title: string;
  /** 1-based page the bookmark opens. */
  page?: number;
  children: PdfBookmark[];
}

/** What pdf.js does not expose: tagging, fonts and links, read with pdf-lib from the file itself. */
export interface PdfStructure {
  tagged: boolean;
  hasStructTree: boolean;
  lang?: string;
  fonts: PdfFont[];
  links: PdfLink[];
  outline: PdfBookmark[];
  /** The catalog's XMP metadata packet, as text. */
  xmp?: string;
}

function text(obj: PDFObject | undefined): string | undefined {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  if (obj instanceof PDFName) return obj.decodeText();
  return undefined;
}

function fontOf(doc: PDFDocument, dict: PDFDict): PdfFont {
  const name = dict.lookup(PDFName.of('BaseFont'))?.toString().replace(/^\//, '') ?? '?';
  const descendants = dict.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
  const target = descendants ? (descendants.lookup(0) as PDFDict) : dict;
  const descriptor = target.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.has(PDFName.of(k)));
  return { name, embedded };
}

function fontsOf(doc: PDFDocument): PdfFont[] {
  const seen = new Map<string, PdfFont>();
  for (const page of doc.getPages()) {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [, ref] of fonts?.entries() ?? []) {
      const dict = doc.context.lookup(ref);
      if (dict instanceof PDFDict) seen.set(ref.toString(), fontOf(doc, dict));
    }
  }
  return [...seen.values()];
}

function destPage(doc: PDFDocument, dest: PDFObject | undefined, pages: PDFRef[]): number | undefined {
  let value = dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
  const name = text(value);
  if (name !== undefined) value = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)?.lookup(PDFName.of(name));
  if (value instanceof PDFDict) value = value.lookup(PDFName.of('D'));
  if (!(value instanceof PDFArray)) return undefined;
  const page = value.get(0);
  return page instanceof PDFRef ? pages.findIndex((p) => p === page || p.toString() === page.toString()) + 1 : undefined;
}

function linksOf(doc: PDFDocument): PdfLink[] {
  const pages = doc.getPages().map((p) => p.ref);
  const links: PdfLink[] = [];
  doc.getPages().forEach((page, i) => {
    const annots = page.node.Annots();
    for (let k = 0; k < (annots?.size() ?? 0); k++) {
      const annot = annots!.lookup(k, PDFDict);
      if (annot.lookup(PDFName.of('Subtype'))?.toString() !== '/Link') continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = text(action?.lookup(PDFName.of('URI')));
      const dest = annot.get(PDFName.of('Dest')) ?? action?.get(PDFName.of('D'));
      links.push({ page: i + 1, uri, target: dest ? destPage(doc, dest, pages) : undefined });
    }
  });
  return links;
}

function bookmarksFrom(doc: PDFDocument, first: PDFObject | undefined, pages: PDFRef[]): PdfBookmark[] {
  const out: PdfBookmark[] = [];
  let item = first ? doc.context.lookup(first) : undefined;
  while (item instanceof PDFDict) {
    out.push({
      title: text(item.lookup(PDFName.of('Title'))) ?? '',
      page: destPage(doc, item.get(PDFName.of('Dest')), pages),
      children: bookmarksFrom(doc, item.get(PDFName.of('First')), pages),
    });
    const next = item.get(PDFName.of('Next'));
    item = next ? doc.context.lookup(next) : undefined;
  }
  return out;
}

function xmpOf(doc: PDFDocument): string | undefined {
  const stream = doc.catalog.lookup(PDFName.of('Metadata'));
  return stream instanceof PDFRawStream ? new TextDecoder().decode(decodePDFRawStream(stream).decode()) : undefined;
}

export async function readPdfStructure(file: string): Promise<PdfStructure> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  const markInfo = doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  return {
    tagged: markInfo?.lookup(PDFName.of('Marked'))?.toString() === 'true',
    hasStructTree: doc.catalog.has(PDFName.of('StructTreeRoot')),
    lang: text(doc.catalog.lookup(PDFName.of('Lang'))),
    fonts: fontsOf(doc),
    links: linksOf(doc),
    xmp: xmpOf(doc),
    outline: bookmarksFrom(doc, doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.get(PDFName.of('First')), doc.getPages().map((p) => p.ref)),
  };
}
