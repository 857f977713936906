import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build/build-deck.js';
import { composeDeck } from '../../src/build/compose-deck.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { writePptx } from '../../src/pptx/write-pptx.js';
import { stageOutputs } from '../../src/write/stage-outputs.js';
import type { BrowserSession } from '../../src/browser/browser-session.js';
import { visibleText } from '../helpers/lost-words.js';
import { words } from '../../src/lex/markdown.js';
import { workerBrowser } from '../helpers/browser.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { readPptx, textOf, type Pptx } from '../helpers/pptx.js';

const BRIEF = `---
title: Package check
short_title: Package
date: 2026-03-02
classification: OFFICIAL SENSITIVE
---

Opening summary of the brief.

## Tables and figures

| Region | Share |
|:-------|------:|
| North  | 41 %  |
| South  | 59 %  |

![Trend of incidents as a vector chart](chart.svg)

See the [report](https://example.org/report) for more.[^1]

<!-- notes: Say that the chart is provisional. -->

## Bad picture

![A picture no office suite can read](broken.webp)

Text after the broken picture.

[^1]: Ministry statistics, 2025.
`;

let session: BrowserSession;
let root: string;
let remove: () => Promise<void>;
let result: BuildResult;
let pptx: Pptx;

/** Without fit unless asked: the package is written from the slides however they were split (its geometry is read in Chromium either way). */
async function build(file: string, options: Parameters<typeof buildDeck>[1] = {}): Promise<{ result: BuildResult; pptx: Pptx }> {
  const built = await buildDeck(file, { outDir: path.join(root, 'out', String(Math.random()).slice(2)), pptx: true, browser: session, fit: false, ...options });
  return { result: built, pptx: await readPptx(built.outputs.find((o) => o.endsWith('.pptx'))!) };
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolveTarget(relsPart: string, target: string): string {
  const owner = path.posix.dirname(path.posix.dirname(relsPart));
  return path.posix.normalize(path.posix.join(owner, target));
}

beforeAll(async () => {
  session = workerBrowser();
  ({ dir: root, remove } = await tempDir());
  await copyFile(fixture('chart.svg'), path.join(root, 'chart.svg'));
  // A WebP signature over bytes no decoder can read: the deck embeds it, the browser cannot draw it.
  await writeFile(path.join(root, 'broken.webp'), Buffer.concat([Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1'), Buffer.alloc(64, 7)]));
  await writeFile(path.join(root, 'brief.md'), BRIEF);
  ({ result, pptx } = await build(path.join(root, 'brief.md')));
}, 300_000);

afterAll(async () => {
  await remove();
});

describe('the .pptx package', () => {
  it('is well-formed OOXML: every part typed, every relationship resolved, one notes part per slide', () => {
    const names = Object.keys(pptx.parts);
    const types = pptx.text('[Content_Types].xml');
    for (const name of names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) expect(XMLValidator.validate(pptx.text(name)), name).toBe(true);
    for (const name of names.filter((n) => n.endsWith('.xml') && n !== '[Content_Types].xml')) expect(types, name).toContain(`PartName="/${name}"`);
    for (const ext of new Set(names.filter((n) => n.startsWith('ppt/media/')).map((n) => path.extname(n).slice(1)))) expect(types).toContain(`Extension="${ext}"`);
    for (const rels of names.filter((n) => n.endsWith('.rels'))) {
      for (const m of pptx.text(rels).matchAll(/Target="([^"]+)"( TargetMode="External")?/g)) {
        if (m[2]) continue;
        const target = rels === '_rels/.rels' ? m[1] : resolveTarget(rels, m[1]);
        expect(names, `${rels} → ${m[1]}`).toContain(target);
      }
    }
    expect(pptx.slides).toHaveLength(result.deck.slides.length);
    expect(names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))).toHaveLength(result.deck.slides.length);
    pptx.slides.forEach((slide, i) => {
      const notes = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(slide.rels)?.[1];
      expect(notes, `slide ${i + 1}`).toBe(`notesSlide${i + 1}.xml`);
      expect(pptx.text(`ppt/notesSlides/_rels/${notes}.rels`)).toContain(`Target="../slides/${path.basename(slide.name)}"`);
    });
  });

  it('puts every slide title in a title placeholder and the body text in the body placeholder', () => {
    pptx.slides.forEach((slide, i) => {
      const title = slide.shapes.find((s) => s.ph === 'title' || s.ph === 'ctrTitle');
      expect(title?.text.replace(/\s+/g, ' ').trim(), `slide ${i + 1}`).toBe(result.deck.slides[i].title);
    });
    const summary = pptx.slides[result.deck.slides.findIndex((s) => s.kind === 'summary')];
    expect(summary.shapes.find((s) => s.ph === 'body')?.text).toContain('Opening summary of the brief.');
  });

  it('keeps each slide\'s notes, footnotes included, in its notes page', () => {
    pptx.slides.forEach((slide, i) => {
      const expected = words(visibleText(result.deck.slides[i].notesHtml));
      expect(words(textOf(slide.notes ?? '')), `slide ${i + 1}`).toEqual(expected);
    });
    expect(textOf(pptx.slides.map((s) => s.notes).join(''))).toContain('Say that the chart is provisional.');
  });

  it('writes tables as native tables with a header row and the column alignment', () => {
    const slide = pptx.slides.find((s) => s.xml.includes('<a:tbl>'))!;
    const table = slide.shapes.find((s) => s.tag === 'graphicFrame')!;
    expect(table.xml).toContain('firstRow="1"');
    expect(table.xml.match(/<a:tr /g)).toHaveLength(3);
    expect(table.xml.match(/<a:gridCol /g)).toHaveLength(2);
    expect(table.text).toMatch(/Region Share North 41 % South 59 %/);
    expect(table.xml).toMatch(/algn="r"[^>]*>.*?<a:t>41 %<\/a:t>/);
  });

  it('keeps pictures with their alt text, an SVG drawn as PNG; an unreadable one is a located warning', async () => {
    const pic = pptx.slides.flatMap((s) => s.shapes).find((s) => s.tag === 'pic' && s.descr === 'Trend of incidents as a vector chart');
    expect(pic).toBeDefined();
    const media = Object.keys(pptx.parts).filter((n) => n.startsWith('ppt/media/'));
    expect(media.every((n) => /\.(png|jpeg|gif)$/.test(n))).toBe(true);
    const warning = result.diagnostics.list.find((d) => d.code === 'pptx-image');
    const line = BRIEF.split('\n').findIndex((l) => l.includes('broken.webp')) + 1;
    expect(warning?.message).toContain('A picture no office suite can read');
    expect(warning?.at?.line).toBeLessThanOrEqual(line);
    expect(warning?.at?.file).toBe(path.join(root, 'brief.md'));
  });

  it('links as hyperlinks, sections as PowerPoint sections, banners and footer in the layouts', () => {
    const linked = pptx.slides.find((s) => s.xml.includes('report'))!;
    expect(linked.rels).toMatch(/Target="https:\/\/example\.org\/report" TargetMode="External"/);
    const presentation = pptx.text('ppt/presentation.xml');
    expect(presentation).toContain('<p14:section name="Tables and figures"');
    expect(presentation).toContain('<p14:section name="Bad picture"');
    const layout = pptx.text(pptx.slides[1].layout);
    expect(textOf(layout).match(/OFFICIAL SENSITIVE/g)).toHaveLength(2);
    expect(textOf(layout)).toContain('Package');
    expect(pptx.slides[1].xml).toContain('type="slidenum"');
  });

  it('names the deck\'s fonts in the theme, and the theme\'s colours in its colour scheme', () => {
    const theme = pptx.text('ppt/theme/theme1.xml');
    expect(theme).toContain('<a:latin typeface="IBM Plex Sans"');
    expect(theme).toContain('<a:dk2><a:srgbClr val="14325C">');
  });

  it('is the same file when the deck is read in chunks of slides in several pages', async () => {
    const { deck, input } = await composeDeck(path.join(root, 'brief.md'), { browser: session, fit: false, outDir: path.dirname(path.dirname(result.outputs[0])) });
    const staging = await stageOutputs(path.join(root, 'chunked'));
    try {
      const file = await writePptx({ deck, input, staging, browser: session, diagnostics: new Diagnostics() }, { chunkSize: 2 });
      const whole = await readFile(result.outputs.find((o) => o.endsWith('.pptx'))!);
      expect(Buffer.compare(await readFile(file), whole)).toBe(0);
    } finally {
      await staging.discard();
    }
  });
});

describe('languages and the picture fallback', () => {
  it('lays Arabic slides out right to left, in the Arabic face', async () => {
    const { pptx: ar } = await build(fixture('lang-ar.md'));
    expect(ar.slides[1].xml).toMatch(/rtl="1"/);
    expect(ar.text('ppt/theme/theme1.xml')).toContain('<a:cs typeface="Noto Sans Arabic"/>');
  });

  it('names the Noto face of a Chinese brief for its East Asian text', async () => {
    const { pptx: zh } = await build(fixture('lang-zh.md'));
    expect(zh.text('ppt/theme/theme1.xml')).toContain('<a:ea typeface="Noto Sans SC"/>');
    expect(zh.slides[0].xml).toMatch(/lang="zh/);
  });

  it('--pptx-images: one picture per slide, with its notes, its title and its text as alt text', async () => {
    const { result: built, pptx: pics } = await build(fixture('footnotes.md'), { pptxImages: true });
    expect(pics.slides).toHaveLength(built.deck.slides.length);
    pics.slides.forEach((slide, i) => {
      const pictures = slide.shapes.filter((s) => s.tag === 'pic');
      expect(pictures, `slide ${i + 1}`).toHaveLength(1);
      expect(pictures[0]).toMatchObject({ x: 0, y: 0, w: 960, h: 540 });
      expect(pictures[0].descr).toContain(built.deck.slides[i].title.split(' ')[0]);
      expect(slide.shapes.some((s) => s.ph === 'title' || s.ph === 'ctrTitle')).toBe(true);
      expect(words(textOf(slide.notes ?? ''))).toEqual(words(visibleText(built.deck.slides[i].notesHtml)));
    });
    const png = Object.keys(pics.parts).find((n) => n.endsWith('.png'))!;
    expect(strFromU8(pics.parts[png].subarray(1, 4))).toBe('PNG');
  });
});
