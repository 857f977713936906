/** What a document said about itself, for the front matter of the brief made from it. */
export interface DocMeta {
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
  lang?: string;
}

/** A block of Markdown and the place in the original it was made from (a line, or a paragraph number). */
export interface MarkdownBlock {
  markdown: string;
  at: number;
}

export interface Imported {
  /** A Markdown brief: front matter, a comment naming the source, then the text. */
  markdown: string;
  /** For each line of `markdown` (index 0 is its line 1), the line (or paragraph) of the original it was made from. */
  lines: number[];
  /** What the document was read as, for the author to check (headings, paragraphs, list items, tables…). */
  found: Record<string, number>;
  /** Images to write next to the brief (`briefdeck import`), named as the Markdown names them. */
  images?: { name: string; bytes: Uint8Array }[];
  /** What the document held that the brief does not (an image linked from outside it, a drawing format no browser shows). */
  dropped?: string[];
}

/** A date the front matter can hold: an ISO day, from an ISO timestamp or day. */
function isoDay(date: string | undefined): string | undefined {
  return /^\d{4}-\d{2}-\d{2}/.exec(date ?? '')?.[0];
}

export interface LayoutOptions {
  /** Whether block `i` follows the one before without a blank line (items of one tight list). */
  tight?: (i: number) => boolean;
  /** Whether the lines of a block are lines of the original too (plain text, a Word list); else all are `at`. */
  exact?: boolean;
}

/** Front matter, the comment naming the source, and the blocks apart from each other, with their line map. */
export function briefMarkdown(meta: DocMeta, blocks: MarkdownBlock[], source: string, { tight = () => false, exact = true }: LayoutOptions = {}): Pick<Imported, 'markdown' | 'lines'> {
  const fields: [string, string | undefined][] = [
    ['title', meta.title],
    ['subtitle', meta.subtitle],
    ['author', meta.author],
    ['date', isoDay(meta.date)],
  ];
  const out = ['---', ...fields.filter(([, v]) => v).map(([k, v]) => `${k}: ${JSON.stringify(v)}`)];
  if (meta.lang && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(meta.lang)) out.push(`lang: ${meta.lang}`);
  out.push('---', '');
  const lines: number[] = out.map(() => 1);
  const push = (md: string, at: number): void => {
    out.push(md);
    lines.push(at);
  };
  push(`<!-- imported from ${source.replace(/--/g, '- -')} by briefdeck import -->`, 1);
  blocks.forEach((block, i) => {
    if (!tight(i)) push('', block.at);
    block.markdown.split('\n').forEach((line, n) => push(line, exact ? block.at + n : block.at));
  });
  return { markdown: `${out.join('\n')}\n`, lines };
}
