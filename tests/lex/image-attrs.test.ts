import type { Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { lexMarkdown, markdown, plainText } from '../../src/lex/markdown.js';
import { parseAttrs, type AttributedImage } from '../../src/lex/image-attrs.js';

function images(source: string): AttributedImage[] {
  const found: AttributedImage[] = [];
  markdown.walkTokens(lexMarkdown(source), (t) => {
    if (t.type === 'image') found.push(t as AttributedImage);
  });
  return found;
}

describe('image attributes', () => {
  it('reads widths and heights in the units Quarto and Pandoc take, as <img> attributes', () => {
    expect(parseAttrs('width=60%')).toEqual({ width: '60%', unknown: [] });
    expect(parseAttrs('width=400px height="2in"')).toEqual({ width: '400', height: '192', unknown: [] });
    expect(parseAttrs("width='10cm'")).toEqual({ width: '378', unknown: [] });
    expect(parseAttrs('width=400')).toEqual({ width: '400', unknown: [] });
  });

  it('keeps what it does not read for a warning', () => {
    expect(parseAttrs('.wide #fig-1 fig-align=center width=big width=0 width=120%')).toEqual({ unknown: ['.wide', '#fig-1', 'fig-align=center', 'width=big', 'width=0', 'width=120%'] });
  });

  it('leaves braces that are not attributes as text', () => {
    expect(parseAttrs('1, 2')).toBeUndefined();
    expect(parseAttrs('')).toBeUndefined();
    const [image] = images('![Chart](c.png){1, 2} after');
    expect(image.attrs).toBeUndefined();
    expect(plainText(lexMarkdown('![Chart](c.png){1, 2} after')[0])).toContain('{1, 2}');
  });

  it('moves the braces into the image, wherever it is: never text, never cut', () => {
    const [paragraph] = lexMarkdown('![Gas storage](storage.png){width=60%} and more.');
    const [image, rest] = (paragraph as Tokens.Paragraph).tokens;
    expect(image.raw).toBe('![Gas storage](storage.png){width=60%}');
    expect((image as AttributedImage).attrs).toEqual({ width: '60%', unknown: [], raw: '{width=60%}' });
    expect(rest.raw).toBe(' and more.');
    expect(plainText(paragraph)).not.toContain('width');
    expect(images('| a |\n| - |\n| ![x](y.png){height=40px} |').map((i) => i.attrs?.height)).toEqual(['40']);
    expect(images('- ![x](y.png){width=50%}').map((i) => i.attrs?.width)).toEqual(['50%']);
  });

  it('renders the sizes onto the <img>', () => {
    expect(markdown.parser(lexMarkdown('![Chart](c.png){width=60% height=300px}'))).toContain('<img width="60%" height="300" src="c.png" alt="Chart">');
  });
});
