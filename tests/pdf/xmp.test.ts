import { describe, expect, it } from 'vitest';
import { xmpPacket } from '../../src/pdf/xmp.js';
import type { BriefMeta } from '../../src/types.js';

const meta: BriefMeta = {
  title: 'Risks & <options>',
  shortTitle: 'Risks',
  authors: [{ name: 'Ada "A" Analyst' }],
  lang: 'de-DE',
  theme: 'institutional',
  aspect: '16:9',
  budget: 100,
  keywords: ['arms control', 'Asia'],
};

describe('xmpPacket', () => {
  it('says what the Info dictionary says, escaped as XML', () => {
    const xmp = xmpPacket(meta, new Date('2026-11-28T10:00:00.123Z'), 'briefdeck 1', 'producer');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Risks &#38; &#60;options&#62;</rdf:li>');
    expect(xmp).toContain('<dc:creator><rdf:Seq><rdf:li>Ada &#34;A&#34; Analyst</rdf:li></rdf:Seq></dc:creator>');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>de-DE</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<pdf:Keywords>arms control, Asia</pdf:Keywords>');
    expect(xmp).toContain('<xmp:CreateDate>2026-11-28T10:00:00Z</xmp:CreateDate>');
    expect(xmp).not.toContain('dc:description');
    expect(xmp.startsWith('<?xpacket begin="\uFEFF"')).toBe(true);
    expect(xmp.endsWith('<?xpacket end="w"?>')).toBe(true);
  });
});
