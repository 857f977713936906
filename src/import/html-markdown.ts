import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { FootnoteDefinition, Root as MdastRoot, RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { MarkdownBlock } from './brief-markdown.js';

/** Links that would run or fetch something when followed; the text stays, the link goes. */
const RE_UNSAFE_URL = /^\s*(?:javascript|vbscript|data|file):/i;
/** Images the deck can show as they are: embedded PNG, JPEG, GIF, WebP or AVIF; others are their alt text. */
const RE_DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,/i;
/** Mammoth's note ids (`footnote-3`, `endnote-1`) and the links back to the reference. */
const RE_NOTE = /^#?((?:foot|end)note-\d+)$/;
const RE_NOTE_BACK = /^#(?:foot|end)note-ref-\d+$/;

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** The note a `<sup><a href="#footnote-1">[1]</a></sup>` refers to. */
function noteRef(node: Element): string | undefined {
  const a = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a');
  return a && RE_NOTE.exec(String(a.properties.href ?? ''))?.[1];
}

const isElement = (node: ElementContent, ...tags: string[]): node is Element => node.type === 'element' && tags.includes(node.tagName);

/**
 * A GFM table has a header row and one line per cell: a table without `<th>` gets its first row
 * as the header (else rehype-remark adds an empty one), and paragraphs in a cell are joined by a space.
 */
function tidyTable(table: Element): void {
  const rows: Element[] = [];
  const collect = (node: Element): void => {
    for (const c of node.children) if (isElement(c, 'tr')) rows.push(c);
    else if (isElement(c, 'thead', 'tbody', 'tfoot')) collect(c);
  };
  collect(table);
  const hasHeader = rows.some((r) => r.children.some((c) => isElement(c, 'th')));
  rows.forEach((row, i) => {
    for (const cell of row.children) {
      if (!isElement(cell, 'td', 'th')) continue;
      if (i === 0 && !hasHeader) cell.tagName = 'th';
      cell.children = cell.children.flatMap((c, n): ElementContent[] => (isElement(c, 'p') ? [...(n > 0 ? [{ type: 'text' as const, value: ' ' }] : []), ...c.children] : [c]));
    }
  });
}

/** Mammoth's list of notes, renamed so that its handler makes footnote definitions of it. */
const NOTES = 'briefdeck-notes';

function isNoteList(ol: Element): boolean {
  const items = ol.children.filter((c) => c.type === 'element');
  return items.length > 0 && items.every((li) => isElement(li, 'li') && RE_NOTE.test(String(li.properties.id ?? '')));
}

/** Takes out what only a web browser would use: back links of notes, unsafe links, images the deck cannot show. */
function tidy(node: HastRoot | Element): void {
  node.children = node.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return child.type === 'doctype' ? [] : [child as ElementContent];
    if (child.tagName === 'a' && RE_NOTE_BACK.test(String(child.properties.href ?? ''))) return [];
    const href = String(child.properties.href ?? '');
    // A link into the page (a contents list, a citation) has no slide to go to: its text stays.
    if (child.tagName === 'a' && (RE_UNSAFE_URL.test(href) || (href.startsWith('#') && !RE_NOTE.test(href)))) {
      tidy(child);
      return child.children;
    }
    if (child.tagName === 'img') {
      const src = String(child.properties.src ?? '');
      if (RE_DATA_IMAGE.test(src) || (src !== '' && !RE_UNSAFE_URL.test(src))) return [child];
      const alt = String(child.properties.alt ?? '').trim();
      return alt ? [{ type: 'text', value: alt }] : [];
    }
    tidy(child);
    if (child.tagName === 'table') tidyTable(child);
    if (child.tagName === 'ol' && isNoteList(child)) child.tagName = NOTES;
    return [child];
  });
}

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeRemark, {
    handlers: {
      sup(state, node) {
        const id = noteRef(node);
        if (id) return { type: 'footnoteReference', identifier: id, label: id };
        return state.all(node);
      },
      [NOTES](state, node) {
        return node.children.filter((c): c is Element => isElement(c, 'li')).map((li): FootnoteDefinition => {
          const id = String(li.properties.id);
          return { type: 'footnoteDefinition', identifier: id, label: id, children: state.toFlow(state.all(li)) as FootnoteDefinition['children'] };
        });
      },
      // A table's caption is words of the document; rehype-remark would drop it.
      caption(state, node) {
        return { type: 'paragraph', children: state.all(node) as never };
      },
    },
  })
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', fences: true });

/** Footnote labels renumbered 1, 2, 3… in the order of their references, as a reader of the Markdown expects. */
function renumber(root: MdastRoot): void {
  const numbers = new Map<string, string>();
  const visit = (node: { type: string; children?: unknown[]; identifier?: string; label?: string | null }): void => {
    if (node.type === 'footnoteReference' && node.identifier && !numbers.has(node.identifier)) numbers.set(node.identifier, String(numbers.size + 1));
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(root);
  const rename = (node: { type: string; children?: unknown[]; identifier?: string; label?: string | null }): void => {
    if ((node.type === 'footnoteReference' || node.type === 'footnoteDefinition') && node.identifier) {
      const n = numbers.get(node.identifier) ?? node.identifier.replace(/\D+/g, 'n');
      node.identifier = n;
      node.label = n;
    }
    for (const child of (node.children ?? []) as (typeof node)[]) rename(child);
  };
  rename(root);
}

export interface Converted {
  blocks: MarkdownBlock[];
  found: Record<string, number>;
}

/** What was found, for the author to check; a paragraph is counted where it stands alone, not inside an item or note. */
function count(nodes: RootContent[], found: Record<string, number>, inside = false): void {
  for (const node of nodes) {
    const key = { heading: 'heading', paragraph: inside ? undefined : 'paragraph', listItem: 'item', table: 'table', footnoteDefinition: 'footnote', image: 'image', blockquote: 'quote' }[node.type as string];
    if (key) found[key] = (found[key] ?? 0) + 1;
    if ('children' in node) count(node.children as RootContent[], found, inside || node.type === 'listItem' || node.type === 'footnoteDefinition');
  }
}

/**
 * HTML (a fragment: Mammoth's output or an article) to Markdown blocks, one per top-level node.
 * `at(offset)` says where in the original the node at that offset of `html` was (a paragraph, a line).
 * Pure: parses text, runs nothing and fetches nothing.
 */
export function htmlToMarkdown(html: string, at: (offset: number) => number = () => 1): Converted {
  const hast = processor.parse(html);
  tidy(hast);
  const mdast = processor.runSync(hast) as MdastRoot;
  renumber(mdast);
  const found: Record<string, number> = {};
  count(mdast.children, found);
  const blocks = mdast.children
    .map((node) => ({ markdown: processor.stringify({ type: 'root', children: [node] }).trimEnd(), at: at(node.position?.start.offset ?? 0) }))
    .filter((b) => /[^\s\\]/.test(b.markdown));
  return { blocks, found };
}
