import type { BriefMeta } from '../types.js';

function xml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function alt(tag: string, text: string | undefined): string {
  return text ? `<${tag}><rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt></${tag}>` : '';
}

function list(tag: string, kind: 'Seq' | 'Bag', items: string[]): string {
  return items.length > 0 ? `<${tag}><rdf:${kind}>${items.map((i) => `<rdf:li>${xml(i)}</rdf:li>`).join('')}</rdf:${kind}></${tag}>` : '';
}

/**
 * The XMP packet that accessibility checkers (PDF/UA) read the title and language from, besides
 * the older Info dictionary; it says the same as that dictionary.
 */
export function xmpPacket(meta: BriefMeta, date: Date, tool: string, producer: string): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const fields = [
    '<dc:format>application/pdf</dc:format>',
    alt('dc:title', meta.title),
    alt('dc:description', meta.subtitle),
    list('dc:creator', 'Seq', meta.authors.map((a) => a.name)),
    list('dc:subject', 'Bag', meta.keywords),
    list('dc:language', 'Bag', [meta.lang]),
    meta.keywords.length > 0 ? `<pdf:Keywords>${xml(meta.keywords.join(', '))}</pdf:Keywords>` : '',
    `<pdf:Producer>${xml(producer)}</pdf:Producer>`,
    meta.classification ? `<pdfx:Classification>${xml(meta.classification)}</pdfx:Classification>` : '',
    `<xmp:CreatorTool>${xml(tool)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${when}</xmp:CreateDate><xmp:ModifyDate>${when}</xmp:ModifyDate><xmp:MetadataDate>${when}</xmp:MetadataDate>`,
  ];
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/">',
    ...fields.filter(Boolean),
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
