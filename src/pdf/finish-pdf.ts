import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import type { BriefMeta } from '../types.js';
import { VERSION } from '../version.js';
import type { OutlineNode } from './outline.js';
import { xmpPacket } from './xmp.js';

export interface PdfDetails {
  meta: BriefMeta;
  outline: OutlineNode[];
  /** The build time, unless SOURCE_DATE_EPOCH asks for a reproducible one. */
  date?: Date;
}

export const PRODUCER = `briefdeck ${VERSION} (Chromium, pdf-lib)`;

function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return Number.isInteger(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
}

/** Chromium names a destination by the link's fragment as the URL has it: percent-encoded. */
function fragmentId(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Chromium writes a named destination for every element that a link in the page points at. */
function namedDestinations(doc: PDFDocument): Map<string, PDFArray> {
  const found = new Map<string, PDFArray>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const dest = doc.context.lookup(value);
    const array = dest instanceof PDFDict ? dest.lookupMaybe(PDFName.of('D'), PDFArray) : dest;
    if (array instanceof PDFArray) found.set(fragmentId(name.decodeText()), array);
  }
  return found;
}

interface Placed {
  node: OutlineNode;
  dest: PDFArray;
  children: Placed[];
}

/** Keeps the nodes whose slide is in the PDF; a child of a missing parent moves up a level. */
function place(nodes: OutlineNode[], dests: Map<string, PDFArray>): Placed[] {
  return nodes.flatMap((node) => {
    const dest = dests.get(node.id);
    const children = place(node.children, dests);
    return dest ? [{ node, dest, children }] : children;
  });
}

/** Writes one level of outline items, linked as the PDF spec's doubly linked list; returns the visible count. */
function writeItems(doc: PDFDocument, items: Placed[], parent: PDFRef, into: PDFDict): number {
  const refs = items.map(() => doc.context.nextRef());
  let count = 0;
  items.forEach((item, i) => {
    const dict = doc.context.obj({}) as PDFDict;
    dict.set(PDFName.of('Title'), PDFHexString.fromText(item.node.title));
    dict.set(PDFName.of('Parent'), parent);
    dict.set(PDFName.of('Dest'), item.dest);
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
    if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
    const inner = item.children.length > 0 ? writeItems(doc, item.children, refs[i], dict) : 0;
    if (inner > 0) dict.set(PDFName.of('Count'), PDFNumber.of(inner));
    doc.context.assign(refs[i], dict);
    count += 1 + inner;
  });
  if (refs.length > 0) {
    into.set(PDFName.of('First'), refs[0]);
    into.set(PDFName.of('Last'), refs[refs.length - 1]);
  }
  return count;
}

function writeOutline(doc: PDFDocument, outline: OutlineNode[]): void {
  const items = place(outline, namedDestinations(doc));
  if (items.length === 0) return;
  const rootRef = doc.context.nextRef();
  const root = doc.context.obj({ Type: 'Outlines' }) as PDFDict;
  root.set(PDFName.of('Count'), PDFNumber.of(writeItems(doc, items, rootRef, root)));
  doc.context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Reads a PDF with pdf-lib as it is, without pdf-lib's own producer and dates. */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  // pdf-lib yields to the event loop every 100 objects by default, which only slows a CLI down.
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/**
 * Completes a PDF that Chromium printed (or that merge-pdfs.ts joined from its chunks): document
 * metadata, language, and bookmarks from the brief's sections and slides. pdf-lib rewrites the file
 * but carries every object over, so the structure tree (tagging) and link annotations survive.
 */
export async function finishPdf(pdf: Uint8Array | PDFDocument, details: PdfDetails): Promise<Uint8Array> {
  const doc = pdf instanceof PDFDocument ? pdf : await loadPdf(pdf);
  const { meta } = details;
  const date = details.date ?? buildDate();
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.authors.length > 0) doc.setAuthor(meta.authors.map((a) => a.name).join(', '));
  if (meta.subtitle) doc.setSubject(meta.subtitle);
  // pdf-lib joins keywords with spaces; a comma keeps "arms control" one keyword.
  if (meta.keywords.length > 0) doc.setKeywords([meta.keywords.join(', ')]);
  const tool = `briefdeck ${VERSION}`;
  doc.setCreator(tool);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage(meta.lang);
  // The protective marking travels with the file: in its document properties as well as on every page.
  if (meta.classification) doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).set(PDFName.of('Classification'), PDFHexString.fromText(meta.classification));
  writeOutline(doc, details.outline);
  const xmp = doc.context.stream(new TextEncoder().encode(xmpPacket(meta, date, tool, PRODUCER)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  return doc.save({ useObjectStreams: true, objectsPerTick: Infinity });
}
