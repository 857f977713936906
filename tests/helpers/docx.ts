import { strToU8, zipSync } from 'fflate';

/** Small Word documents for the tests, made from their OOXML parts rather than committed as binaries. */
export interface DocxParts {
  /** The children of `<w:body>`. */
  body: string;
  /** `<w:footnote>` elements (ids from 1). */
  footnotes?: string;
  core?: { title?: string; creator?: string; created?: string; language?: string };
  /** word/media/image1.png, referenced as rId10. */
  png?: Uint8Array;
  /** rId10 is this URL outside the package instead (see `linkedImage`). */
  linkTarget?: string;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A paragraph in a style (by its id, which for built-in styles is the name without spaces). */
export function para(text: string, style?: string): string {
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

/** A paragraph with a footnote reference after its text. */
export function paraWithNote(text: string, note: number): string {
  return `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${note}"/></w:r></w:p>`;
}

export function footnote(id: number, text: string): string {
  return `<w:footnote w:id="${id}">${para(text, 'FootnoteText')}</w:footnote>`;
}

export function table(rows: string[][]): string {
  const cell = (c: string): string => `<w:tc>${c.split('\n').map((p) => para(p)).join('')}</w:tc>`;
  return `<w:tbl>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

export function image(alt: string, how: 'embed' | 'link' = 'embed'): string {
  return `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Picture 1" descr="${esc(alt)}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:${how}="rId10"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
}

const STYLES = ['Title', 'Subtitle', 'Heading1', 'Heading2', 'Heading3', 'Quote', 'ListBullet', 'ListNumber', 'FootnoteText']
  .map((id) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${id.replace(/(\D)(\d)$/, '$1 $2').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^Heading (\d)$/, 'heading $1')}"/></w:style>`)
  .join('');

export function makeDocx(parts: DocxParts): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/footnotes" Target="footnotes.xml"/>${parts.linkTarget ? `<Relationship Id="rId10" Type="${REL}/image" Target="${esc(parts.linkTarget)}" TargetMode="External"/>` : `<Relationship Id="rId10" Type="${REL}/image" Target="media/image1.png"/>`}</Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${parts.body}</w:body></w:document>`),
    'word/styles.xml': strToU8(`<?xml version="1.0"?><w:styles ${W}>${STYLES}</w:styles>`),
    'word/footnotes.xml': strToU8(`<?xml version="1.0"?><w:footnotes ${W}>${parts.footnotes ?? ''}</w:footnotes>`),
  };
  if (parts.png) files['word/media/image1.png'] = parts.png;
  if (parts.core) {
    const c = parts.core;
    const el = (tag: string, v?: string): string => (v ? `<${tag}>${esc(v)}</${tag}>` : '');
    files['docProps/core.xml'] = strToU8(`<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">${el('dc:title', c.title)}${el('dc:creator', c.creator)}${el('dcterms:created', c.created)}${el('dc:language', c.language)}</cp:coreProperties>`);
  }
  return zipSync(files);
}

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A memo with every part the importer reads: title, subtitle, headings, notes, a list, a quote, a table, an image. */
export const MEMO = makeDocx({
  body: [
    para('Water policy memo', 'Title'),
    para('For the minister', 'Subtitle'),
    para('Background', 'Heading1'),
    paraWithNote('The basin is short of water.', 1),
    para('First option', 'ListBullet'),
    para('Second option', 'ListBullet'),
    para('A quoted line.', 'Quote'),
    table([['Option', 'Cost'], ['Dam | big', '$3bn\nover ten years']]),
    image('A map of the basin'),
    para('Detail', 'Heading2'),
    paraWithNote('Closing words, <b>not bold</b> and *not emphasis*.', 2),
  ].join(''),
  footnotes: footnote(1, 'Ministry figures, 2024.') + footnote(2, 'See the annex.'),
  core: { creator: 'Jane Roe', created: '2025-03-04T10:00:00Z', language: 'en-GB' },
  png: PNG,
});

