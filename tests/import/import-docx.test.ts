import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../src/import/import-docx.js';
import { image, makeDocx, MEMO, para, PNG } from '../helpers/docx.js';

describe('Word to Markdown', () => {
  it('reads the title, subtitle, headings, lists, quote, table, footnotes and image, and the core properties', async () => {
    const { markdown, found, images } = await importDocx(MEMO, 'memo.docx', { images: 'files' });
    expect(markdown).toContain('---\ntitle: "Water policy memo"\nsubtitle: "For the minister"\nauthor: "Jane Roe"\ndate: "2025-03-04"\nlang: en\n---\n');
    expect(markdown).toContain('<!-- imported from memo.docx by briefdeck import -->');
    expect(markdown).toContain('\n## Background\n');
    expect(markdown).toContain('\n### Detail\n');
    expect(markdown).toContain('The basin is short of water.[^1]');
    expect(markdown).toContain('\n- First option\n- Second option\n');
    expect(markdown).toContain('\n> A quoted line.\n');
    expect(markdown).toMatch(/\| Option +\| Cost +\|\n\| -+ \| -+ \|\n\| Dam \\\| big \| \$3bn over ten years \|/);
    expect(markdown).toContain('![A map of the basin](memo-images/image1.png)');
    expect(markdown).toContain('\n[^1]: Ministry figures, 2024.\n');
    expect(markdown).toContain('\n[^2]: See the annex.\n');
    // Text that looks like Markdown or HTML stays text.
    expect(markdown).toContain('\\<b>not bold\\</b> and \\*not emphasis\\*');
    expect(markdown).not.toContain('↑');
    expect(images).toEqual([{ name: 'memo-images/image1.png', bytes: new Uint8Array(PNG) }]);
    expect(found).toMatchObject({ heading: 2, item: 2, table: 1, footnote: 2, image: 1, quote: 1 });
  });

  it('embeds the images as data for a build, and maps each line to its paragraph', async () => {
    const { markdown, lines } = await importDocx(MEMO, 'memo.docx', { images: 'data' });
    expect(markdown).toContain(`![A map of the basin](data:image/png;base64,${PNG.toString('base64')})`);
    const md = markdown.split('\n');
    // Title 1, Subtitle 2, Heading 3, the paragraph 4, the items 5 and 6, the quote 7.
    expect(lines[md.indexOf('## Background')]).toBe(3);
    expect(lines[md.indexOf('- Second option')]).toBe(6);
    expect(lines[md.indexOf('> A quoted line.')]).toBe(7);
  });

  it('takes nothing from outside the document: a linked image is not read', async () => {
    const patched = makeDocx({ body: para('Text.') + image('passwd', 'link'), linkTarget: 'file:///etc/passwd' });
    const { markdown, dropped } = await importDocx(patched, 'linked.docx', { images: 'data' });
    expect(markdown).not.toMatch(/root:|data:/);
    expect(dropped).toEqual(['an image linked from outside the document is not read; its alt text is kept (insert the picture itself)']);
  });
});

/** A zip whose directory says a part unzips to 2 GB (a zip bomb's claim), without making one. */
function claimedHuge(): Uint8Array {
  const zip = MEMO.slice();
  const view = new DataView(zip.buffer);
  for (let i = 0; i < zip.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
  return zip;
}

describe('Word documents that cannot be read', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['a password-protected (CFB) file', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /^this Word document is password-protected/],
    ['not a zip', strToU8('just some text'), /^this is not a Word document/],
    ['a zip without word/document.xml', zipSync({ 'readme.txt': strToU8('hello') }), /^this zip is not a Word document: it has no word\/document.xml/],
    ['macros only', zipSync({ 'word/vbaProject.bin': strToU8('macro') }), /^this Word file holds only macros/],
    ['a truncated zip', MEMO.slice(0, 200), /^this Word document is damaged/],
    ['a zip that unzips to too much', claimedHuge(), /^this Word document unzips to over 200 MB/],
  ];
  for (const [what, bytes, message] of cases) {
    it(`refuses ${what}, located at the file`, async () => {
      const error = await importDocx(bytes, 'bad.docx', { images: 'data' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'BriefdeckError', at: { file: 'bad.docx', line: 1 } });
      expect((error as Error).message).toMatch(message);
    });
  }
});
