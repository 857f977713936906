import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { loadPdf } from './finish-pdf.js';
import { OTHER_CHUNK_URL } from './print-helpers.js';

/**
 * What one printed chunk adds to the whole: its pages, the children of its Document structure
 * element, its parent-tree entries, and its named destinations, all copied into the merged file.
 */
interface Joined {
  /** The merged Document element, which every chunk's own Document element becomes. */
  documentRef: PDFRef;
  kids: PDFObject[];
  nums: Array<[number, PDFObject]>;
  /** PDF names are interned by pdf-lib, so the same name is the same key. */
  dests: Map<PDFName, PDFObject>;
}

const N = {
  K: PDFName.of('K'),
  P: PDFName.of('P'),
  Nums: PDFName.of('Nums'),
  Kids: PDFName.of('Kids'),
  Dests: PDFName.of('Dests'),
  StructParent: PDFName.of('StructParent'),
  StructParents: PDFName.of('StructParents'),
  StructTreeRoot: PDFName.of('StructTreeRoot'),
  ParentTree: PDFName.of('ParentTree'),
  ParentTreeNextKey: PDFName.of('ParentTreeNextKey'),
} as const;

function asArray(object: PDFObject | undefined, doc: PDFDocument): PDFObject[] {
  const value = object instanceof PDFRef ? doc.context.lookup(object) : object;
  if (value === undefined) return [];
  return value instanceof PDFArray ? value.asArray() : [object as PDFObject];
}

/** Every `[key, value]` of a number tree (the parent tree), in order, through its /Kids. */
function numberTree(doc: PDFDocument, node: PDFDict | undefined): Array<[number, PDFObject]> {
  if (!node) return [];
  const out: Array<[number, PDFObject]> = [];
  const nums = asArray(node.get(N.Nums), doc);
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([(doc.context.lookup(nums[i]) as PDFNumber).asNumber(), nums[i + 1]]);
  for (const kid of asArray(node.get(N.Kids), doc)) out.push(...numberTree(doc, doc.context.lookup(kid, PDFDict)));
  return out;
}

/** A link a chunk pointed at a slide in another chunk goes to that slide's named destination again. */
function linkAcross(annot: PDFDict): void {
  const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'));
  const text = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : undefined;
  if (!text?.startsWith(OTHER_CHUNK_URL)) return;
  annot.delete(PDFName.of('A'));
  annot.set(PDFName.of('Dest'), PDFName.of(text.slice(OTHER_CHUNK_URL.length)));
}

function shiftKey(dict: PDFDict, key: PDFName, by: number): void {
  const value = dict.get(key);
  if (value instanceof PDFNumber) dict.set(key, PDFNumber.of(value.asNumber() + by));
}

/**
 * Copies one chunk into `into`. One copier per chunk, so a page reached from the structure tree
 * (an element's /Pg) is the same object as the page added, not a second copy of it.
 */
function join(into: PDFDocument, src: PDFDocument, offset: number, joined: Joined): number {
  const copier = PDFObjectCopier.for(src.context, into.context);
  for (const page of src.getPages()) {
    const ref = copier.copy(page.ref);
    const leaf = into.context.lookup(ref) as PDFPageLeaf;
    shiftKey(leaf, N.StructParents, offset);
    for (const annot of asArray(leaf.get(PDFName.of('Annots')), into)) {
      const dict = into.context.lookup(annot);
      if (!(dict instanceof PDFDict)) continue;
      shiftKey(dict, N.StructParent, offset);
      linkAcross(dict);
    }
    into.addPage(PDFPage.of(leaf, ref, into));
  }
  const root = src.catalog.lookupMaybe(N.StructTreeRoot, PDFDict);
  const nums = numberTree(src, root?.lookupMaybe(N.ParentTree, PDFDict));
  const tops = asArray(root?.get(N.K), src);
  for (const top of tops) {
    const element = src.context.lookup(top);
    // The chunk's Document element is dropped; its children become the merged Document's. Their
    // link up is cut before copying, or the copy would climb to the chunk's whole tree root.
    for (const kid of element instanceof PDFDict ? asArray(element.get(N.K), src) : []) {
      const kidDict = src.context.lookup(kid);
      if (kidDict instanceof PDFDict) kidDict.delete(N.P);
      joined.kids.push(copier.copy(kid));
    }
  }
  // Content marked directly under a chunk's Document element belongs to the merged one.
  const copyValue = (value: PDFObject): PDFObject => (tops.includes(value) ? joined.documentRef : copier.copy(value));
  for (const [key, value] of nums) {
    const parents = src.context.lookup(value);
    joined.nums.push([key + offset, parents instanceof PDFArray ? into.context.obj(parents.asArray().map(copyValue)) : copyValue(value)]);
  }
  for (const [name, dest] of src.catalog.lookupMaybe(N.Dests, PDFDict)?.entries() ?? []) {
    if (!joined.dests.has(name)) joined.dests.set(name, copier.copy(dest));
  }
  const next = root?.get(N.ParentTreeNextKey);
  return next instanceof PDFNumber ? next.asNumber() : nums.reduce((max, [key]) => Math.max(max, key + 1), 0);
}

/** The merged structure tree: one Document element over every chunk's content, one parent tree. */
function writeStructTree(doc: PDFDocument, first: PDFDocument, joined: Joined, nextKey: number): void {
  const { context } = doc;
  const rootRef = context.nextRef();
  const { documentRef } = joined;
  const firstRoot = first.catalog.lookupMaybe(N.StructTreeRoot, PDFDict);
  const firstElement = asArray(firstRoot?.get(N.K), first).map((k) => first.context.lookup(k)).find((e) => e instanceof PDFDict);
  const element = context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: joined.kids }) as PDFDict;
  const lang = (firstElement as PDFDict | undefined)?.get(PDFName.of('Lang'));
  if (lang) element.set(PDFName.of('Lang'), lang.clone());
  for (const kid of joined.kids) {
    const dict = context.lookup(kid);
    if (dict instanceof PDFDict) dict.set(N.P, documentRef);
  }
  context.assign(documentRef, element);
  const nums = joined.nums.flatMap(([key, value]) => [PDFNumber.of(key), value]);
  const root = context.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: context.obj({ Nums: nums }), ParentTreeNextKey: nextKey }) as PDFDict;
  context.assign(rootRef, root);
  doc.catalog.set(N.StructTreeRoot, rootRef);
  doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
}

/**
 * Joins PDFs that Chromium printed from consecutive chunks of one deck into one, kept as good as a
 * single print: pages in order, one tagged structure tree (parent-tree keys renumbered), and the
 * named destinations of every chunk in one /Dests, so a link to a slide printed in another chunk
 * (written by Chromium as a named destination) and the bookmarks still find their page.
 */
export async function mergePdfs(parts: Uint8Array[]): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const joined: Joined = { documentRef: doc.context.nextRef(), kids: [], nums: [], dests: new Map() };
  let offset = 0;
  let first: PDFDocument | undefined;
  for (const bytes of parts) {
    const src = await loadPdf(bytes);
    first ??= src;
    offset += join(doc, src, offset, joined);
  }
  if (first) {
    writeStructTree(doc, first, joined, offset);
    const viewer = first.catalog.get(PDFName.of('ViewerPreferences'));
    if (viewer) doc.catalog.set(PDFName.of('ViewerPreferences'), PDFObjectCopier.for(first.context, doc.context).copy(viewer));
  }
  const dests = doc.context.obj({}) as PDFDict;
  for (const [name, dest] of joined.dests) dests.set(name, dest);
  doc.catalog.set(N.Dests, doc.context.register(dests));
  return doc;
}
