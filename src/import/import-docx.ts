import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import path from 'node:path';
import { fail } from '../errors.js';
import { briefMarkdown, type Imported } from './brief-markdown.js';
import { readDocxPackage } from './docx-package.js';
import { guessLang } from './guess-lang.js';
import { htmlToMarkdown } from './html-markdown.js';

/**
 * Word's built-in styles to the HTML the converter reads: the title and subtitle kept apart for the
 * front matter, Heading 1 as a `##` section (the title is the brief's only `#`), quotes, lists.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.docx-title:fresh",
  "p[style-name='Subtitle'] => p.docx-subtitle:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
  "p[style-name='Heading 4'] => h5:fresh",
  "p[style-name='Heading 5'] => h6:fresh",
  "p[style-name='Heading 6'] => h6:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='List Bullet'] => ul > li:fresh",
  "p[style-name='List Bullet 2'] => ul > li > ul > li:fresh",
  "p[style-name='List Number'] => ol > li:fresh",
  "p[style-name='List Number 2'] => ol > li > ol > li:fresh",
];

/** Image types a deck shows; others (EMF, WMF, TIFF) become their alt text. */
const SHOWN = new Map([['image/png', 'png'], ['image/jpeg', 'jpg'], ['image/gif', 'gif'], ['image/webp', 'webp']]);

export interface DocxOptions {
  /** `files`: images named `<stem>-images/imageN.ext`, returned to be written next to the brief; `data`: embedded. */
  images: 'files' | 'data';
}

/**
 * The paragraph of the document (1-based) that starts at or first after each offset of Mammoth's
 * HTML, counting paragraphs, headings and list items in order: a list or table is where its first one is.
 */
function paragraphAt(html: string): (offset: number) => number {
  const starts = [...html.matchAll(/<(?:p|h[1-6]|li)[\s>]/g)].map((m) => m.index);
  return (offset) => starts.filter((s) => s < offset).length + 1;
}

/** Takes the title and subtitle paragraphs out (leaving an empty one, so paragraph numbers hold). */
function takeClass(doc: Document, cls: string): string | undefined {
  const el = doc.querySelector(`.${cls}`);
  const text = el?.textContent?.replace(/\s+/g, ' ').trim();
  el?.replaceWith(doc.createElement('p'));
  return text || undefined;
}

/**
 * A Word document to a Markdown brief. Pure: the caller reads the file. Mammoth reads only the
 * bytes given (external file access off, no style map embedded in the document obeyed).
 */
export async function importDocx(bytes: Uint8Array, file: string, options: DocxOptions): Promise<Imported> {
  const props = readDocxPackage(bytes, file);
  const stem = path.basename(file).replace(/\.docx$/i, '');
  const images: { name: string; bytes: Uint8Array }[] = [];
  const dropped: string[] = [];
  const convertImage = mammoth.images.imgElement(async (image) => {
    const ext = SHOWN.get(image.contentType);
    if (!ext) {
      // A linked picture has no type: it is outside the document, and never read.
      dropped.push(image.contentType ? `an image in ${image.contentType} cannot be shown in a deck; its alt text is kept (save it as PNG in the document)` : 'an image linked from outside the document is not read; its alt text is kept (insert the picture itself)');
      return { src: '' };
    }
    const data = await image.readAsBuffer();
    if (options.images === 'data') return { src: `data:${image.contentType};base64,${data.toString('base64')}` };
    const name = `${stem}-images/image${images.length + 1}.${ext}`;
    images.push({ name, bytes: new Uint8Array(data) });
    return { src: name };
  });
  let html: string;
  let messages: { type: string; message: string }[];
  try {
    ({ value: html, messages } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { styleMap: STYLE_MAP, includeEmbeddedStyleMap: false, externalFileAccess: false, convertImage, idPrefix: '' },
    ));
  } catch (error) {
    fail('docx-corrupt', `this Word document cannot be read (${(error as Error).message.split('\n')[0]}); open it in Word and save it again`, { at: { file, line: 1 } });
  }
  // Mammoth's other warnings are about styles it maps by default, or images said above.
  for (const m of messages) if (/external image/i.test(m.message)) dropped.push(m.message.split('\n')[0]);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const title = takeClass(document, 'docx-title') ?? props.title;
  const subtitle = takeClass(document, 'docx-subtitle');
  const body = document.body.innerHTML;
  const { blocks, found } = htmlToMarkdown(body, paragraphAt(body));
  if (blocks.length === 0) fail('empty-brief', 'the Word document has no text', { at: { file, line: 1 } });
  if (images.length) found.image = images.length;
  const lang = props.lang ?? guessLang(blocks.map((b) => b.markdown).join(' '));
  // No Title paragraph and no title in the properties: a heading that opens the document is its title.
  const opening = title ? undefined : /^## (.+)$/.exec(blocks[0].markdown)?.[1].replace(/\\(.)/g, '$1');
  if (opening) found.heading--;
  const meta = { ...props, title: title ?? opening ?? stem, subtitle, lang };
  return { ...briefMarkdown(meta, opening ? blocks.slice(1) : blocks, path.basename(file)), found, ...(images.length ? { images } : {}), ...(dropped.length ? { dropped } : {}) };
}
