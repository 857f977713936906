import { parseDocument } from 'htmlparser2';

/** A node of a brief's raw HTML block as htmlparser2 reads it (no tree building: no `<tbody>` is added). */
export interface HtmlNode {
  type: string;
  name?: string;
  data?: string;
  startIndex: number | null;
  endIndex: number | null;
  children?: HtmlNode[];
}

/** The top-level nodes of a raw HTML block, with their offsets in `raw`. */
export function parseHtml(raw: string): HtmlNode[] {
  return parseDocument(raw, { withStartIndices: true, withEndIndices: true, decodeEntities: true }).children as unknown as HtmlNode[];
}

export function isTag(node: HtmlNode, ...names: string[]): boolean {
  return node.type === 'tag' && (names.length === 0 || names.includes(node.name ?? ''));
}

/** The nodes that matter: elements and text that is not blank (comments and whitespace are not). */
export function significant(nodes: HtmlNode[] | undefined): HtmlNode[] {
  return (nodes ?? []).filter((n) => n.type === 'tag' || (n.type === 'text' && (n.data ?? '').trim() !== ''));
}

export function textOf(node: HtmlNode): string {
  if (node.type === 'text') return node.data ?? '';
  return (node.children ?? []).map(textOf).join(' ');
}

/** The source of `node` in `raw`. */
export function sourceOf(raw: string, node: HtmlNode): string {
  return raw.slice(node.startIndex ?? 0, (node.endIndex ?? raw.length - 1) + 1);
}

/** The rows of a `<table>`, in order, whether in `<thead>`, `<tbody>`, `<tfoot>` or directly under it. */
export function tableRows(table: HtmlNode): HtmlNode[] {
  return (table.children ?? []).flatMap((c) => (isTag(c, 'tr') ? [c] : isTag(c, 'thead', 'tbody', 'tfoot') ? (c.children ?? []).filter((r) => isTag(r, 'tr')) : []));
}

/** A lone `<table>` of an HTML block, or undefined. */
export function loneTable(raw: string): HtmlNode | undefined {
  const top = significant(parseHtml(raw));
  return top.length === 1 && isTag(top[0], 'table') ? top[0] : undefined;
}

/** The cells' text of each row of a table. */
export function cellTexts(table: HtmlNode): string[][] {
  return tableRows(table).map((tr) => (tr.children ?? []).filter((c) => isTag(c, 'td', 'th')).map((c) => textOf(c).replace(/\s+/g, ' ').trim()));
}
