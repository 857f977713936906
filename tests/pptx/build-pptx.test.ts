import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildPptx, type PptxInput } from '../../src/pptx/build-pptx.js';
import type { Paragraph, Run, SlideGeometry } from '../../src/pptx/geometry.js';

// Without a browser: a hand-made geometry in, the package's parts out.
const ink = { hex: '1c2430', alpha: 1 };

function run(text: string, extra: Partial<Run> = {}): Run {
  return { text, size: 28, weight: 400, italic: false, mono: false, colour: ink, underline: false, strike: false, sup: false, spacing: 0, ...extra };
}

function para(runs: Run[], y: number, extra: Partial<Paragraph> = {}): Paragraph {
  return { runs, box: { x: 72, y, w: 600, h: 41.44 }, lines: 1, lineHeight: 41.44, align: 'l', rtl: false, hanging: 0, level: 0, tabs: [], frame: { x: 72, y, w: 1136, h: 41.44 }, ...extra };
}

function slide(id: string, kind: string, items: SlideGeometry['items']): SlideGeometry {
  return { id, kind, background: { hex: 'ffffff', alpha: 1 }, items, floor: 674, body: { x: 72, y: 140, w: 1136, h: 400 }, notes: [`Notes of ${id}`] };
}

const input: PptxInput = {
  geometry: {
    width: 1280,
    height: 720,
    palette: { bg: 'ffffff', text: '1c2430', muted: '4d5766', primary: '14325c', accent: 'b8862b', link: '17519b', surface: 'f3f5f8', rule: 'd5dae1' },
    slides: [
      slide('agenda', 'agenda', [
        { type: 'text', role: 'title', block: -1, paras: [para([run('Agenda', { weight: 600, size: 38 })], 52)] },
        { type: 'text', role: 'body', block: 0, paras: [para([run('01', { href: '#/findings' }), run('\t'), run('Findings', { href: '#/findings' })], 140, { tabs: [50] })] },
      ]),
      slide('findings', 'content', [
        { type: 'text', role: 'title', block: -1, paras: [para([run('Findings & <risks>', { weight: 600, size: 38 })], 52)] },
        { type: 'text', role: 'body', block: 0, paras: [para([run('See '), run('the report', { href: 'https://example.org/a?b=1&c=2' }), run('\u0007.')], 140, { marker: { kind: 'bullet', char: '\u2022', start: 1, colour: { hex: 'b8862b', alpha: 1 } }, hanging: 40 })] },
        { type: 'picture', role: 'body', block: 1, box: { x: 72, y: 200, w: 100, h: 50 }, alt: 'Unreadable chart' },
      ]),
    ],
  },
  sections: [{ key: 0, name: 'Opening' }, { key: 1, name: 'Findings' }],
  info: { title: 'T', authors: 'A. Author', keywords: ['k'], lang: 'en' },
  version: '0.0.0',
};

describe('a right-to-left agenda', () => {
  const rtl = { rtl: true, align: 'r' as const, tabs: [50] };
  const agenda = slide('agenda', 'agenda', [
    { type: 'text', role: 'body', block: 0, paras: [para([run('01', { href: '#/findings' }), run('\t'), run('النتائج', { href: '#/findings' })], 140, rtl), para([run('انظر '), run('أ', { href: 'https://example.org/a' }), run(' و '), run('ب', { href: 'https://example.org/b' })], 200, rtl)] },
  ]);
  const parts = unzipSync(buildPptx({ ...input, geometry: { ...input.geometry, slides: [agenda, input.geometry.slides[1]] } }, () => undefined));
  const xml = strFromU8(parts['ppt/slides/slide1.xml']);

  it('jumps from a transparent shape over the entry, not from its text (LibreOffice sets such a line too high)', () => {
    const entry = xml.slice(0, xml.indexOf('انظر'));
    expect(entry).not.toMatch(/<a:rPr[^>]*>(?:(?!<\/a:rPr>).)*hlinkClick/);
    expect(xml).toMatch(/<p:cNvPr id="\d+" name="Link \d+"><a:hlinkClick r:id="rId\d+" action="ppaction:\/\/hlinksldjump"\/><\/p:cNvPr>/);
  });

  it('keeps a paragraph with two links in its text, and the agenda gap as spaces', () => {
    expect(xml.match(/<a:rPr[^>]*>(?:(?!<\/a:rPr>).)*hlinkClick/g)).toHaveLength(2);
    expect(xml).toContain('<a:t>\u2003\u2003</a:t>');
  });
});

describe('buildPptx', () => {
  const lost: Array<[number, string]> = [];
  const parts = unzipSync(buildPptx(input, (i, alt) => lost.push([i, alt])));
  const text = (name: string): string => strFromU8(parts[name]);

  it('writes well-formed parts, with what a brief wrote escaped and control characters dropped', () => {
    for (const name of Object.keys(parts).filter((n) => /\.(xml|rels)$/.test(n))) expect(XMLValidator.validate(text(name)), name).toBe(true);
    expect(text('ppt/slides/slide2.xml')).toContain('<a:t>Findings &amp; &lt;risks&gt;</a:t>');
    expect(text('ppt/slides/slide2.xml')).not.toContain('\u0007');
  });

  it('links the agenda to its slide and a URL as an external target', () => {
    expect(text('ppt/slides/_rels/slide1.xml.rels')).toMatch(/Type="[^"]*\/slide" Target="\.\.\/slides\/slide2\.xml"/);
    expect(text('ppt/slides/slide1.xml')).toContain('action="ppaction://hlinksldjump"');
    expect(text('ppt/slides/_rels/slide2.xml.rels')).toContain('Target="https://example.org/a?b=1&amp;c=2" TargetMode="External"');
  });

  it('hangs the agenda title at its tab, colours the bullet, names SemiBold as Office lists it', () => {
    expect(text('ppt/slides/slide1.xml')).toMatch(/<a:pPr marL="476250" indent="-476250"/);
    expect(text('ppt/slides/slide2.xml')).toContain('<a:buClr><a:srgbClr val="B8862B"></a:srgbClr></a:buClr>');
    expect(text('ppt/slides/slide2.xml')).toContain('<a:latin typeface="IBM Plex Sans SemiBold"/>');
  });

  it('leaves out a picture it cannot hold and says on which slide', () => {
    expect(lost).toEqual([[1, 'Unreadable chart']]);
    expect(text('ppt/slides/slide2.xml')).not.toContain('<p:pic>');
  });

  it('groups the slides in sections and gives each its notes', () => {
    expect(text('ppt/presentation.xml')).toMatch(/<p14:section name="Opening" id="\{[0-9A-F-]+\}"><p14:sldIdLst><p14:sldId id="256"\/><\/p14:sldIdLst>/);
    expect(text('ppt/notesSlides/notesSlide2.xml')).toContain('<a:t>Notes of findings</a:t>');
  });

  it('makes the same bytes from the same input', () => {
    expect(Buffer.compare(Buffer.from(buildPptx(input)), Buffer.from(buildPptx(input)))).toBe(0);
  });
});
