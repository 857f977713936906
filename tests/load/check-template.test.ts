import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUntrustedTemplate } from '../../src/load/check-template.js';
import { TEMPLATES_DIR } from '../../src/paths.js';
import { failure } from '../helpers/errors.js';

const SUFFIX = ' is not allowed in a template from a config briefdeck found (give its folder with --templates to trust it)';

async function refusal(source: string): Promise<string> {
  const error = await failure(() => checkUntrustedTemplate(source, 'tpl/partials/x.hbs'));
  expect(error.code).toBe('template-untrusted');
  expect(error.message.endsWith(SUFFIX)).toBe(true);
  return `${error.at?.line}:${error.at?.column} ${error.message.slice(0, -SUFFIX.length)}`;
}

describe('checkUntrustedTemplate: a template from a found config cannot run script', () => {
  it('passes every built-in template, so a folder made with `templates --eject` can be named in a config', async () => {
    const files = ['deck.hbs', 'handout.hbs', ...(await readdir(path.join(TEMPLATES_DIR, 'partials'))).map((f) => `partials/${f}`),
      ...(await readdir(path.join(TEMPLATES_DIR, 'handout'))).filter((f) => f.endsWith('.hbs')).map((f) => `handout/${f}`)];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) await checkUntrustedTemplate(await readFile(path.join(TEMPLATES_DIR, file), 'utf8'), file);
  });

  it('passes what slide templates are for: markup, escaped fields, Html fields, partials, blocks, URLs that start fixed', async () => {
    await checkUntrustedTemplate(
      '<section id="{{id}}" class="bd-x{{#if a}} bd-a{{/if}}"{{#if s}} style="{{s}}"{{/if}} {{#if h}}hidden{{/if}}>\n' +
        '<h2>{{{titleHtml}}}</h2><a href="#/{{id}}">{{title}}</a> <a href="https://example.org/{{id}}">x</a> <img src="{{@root.logoSrc}}" alt="">\n' +
        '<svg viewBox="0 0 1 1"><title>{{title}}</title><rect width="1" height="1"/></svg>{{> footer}}{{#each agenda}}<li>{{{titleHtml}}}</li>{{/each}}\n</section>\n',
      'x.hbs',
    );
  });

  it.each([
    ['a script in an SVG', '<svg><script>alert(1)</script></svg>', '1:6 a <script> element'],
    ['a script with a source', '<script src="https://example.org/x.js"></script>', '1:1 a <script> element'],
    ['the built-in reveal.js element with an attribute added', '<script defer>{{{revealJsHtml}}}</script>', '1:1 a <script> element'],
    ['a <style> element (styles belong in a theme)', '<style>body{}</style>', '1:1 a <style> element'],
    ['a tag name joined across a block', '<scr{{#if x}}ipt{{else}}oll{{/if}}>alert(1)</script>', '1:1 a tag name written by {{…}}'],
    ['a tag name joined across a block written on two lines', '<scr{{#if\nx}}ipt{{/if}}>alert(1)</script>', '1:1 a tag name written by {{…}}'],
    ['a tag name after whitespace control', '<{{~!~}}script>alert(1)</script>', '1:1 a tag name written by {{…}}'],
    ['an event handler in upper case', '<img src="x.png" ONERROR="alert(1)">', '1:18 the event handler attribute onerror'],
    ['an event handler joined across a block', '<img src="x.png" {{#if x}}on{{/if}}error="alert(1)">', '1:18 an attribute name split by {{#…}}'],
    ['an SVG animation that sets an event handler', '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>', '1:6 a <set> element'],
    ['a javascript: URL with a tab and entities', '<a href="  java\tscript&colon;alert(1)">x</a>', '1:4 a javascript: URL'],
    ['a javascript: URL joined across a comment', '<a href="java{{!-- --}}script:alert(1)">x</a>', '1:4 a URL (href) written by {{…}}'],
    ['an entity built by a field', '<a href="jav&#{{n}};script:alert(1)">x</a>', '1:4 a URL (href) written by {{…}}'],
    ['an xlink:href javascript: URL', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', '1:9 a javascript: URL'],
    ['a noscript that hides markup from the check', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', '1:1 a <noscript> element'],
    ['a CDATA section that a browser ends at its first >', '<div><![CDATA[ > <img src=x onerror=alert(1)> ]]></div>', '1:6 a <!…> declaration (only comments and the doctype)'],
    ['a <meta http-equiv> whose attribute name is in a block', '<meta {{#if x}}http-equiv{{/if}}="refresh" content="0;url=https://example.org/">', '1:1 a <meta http-equiv> element'],
    ['a partial that ends inside a tag', '<img src="x.png" alt="', '1:1 ending inside a tag'],
    ['a partial inside a tag', '<img src="x.png" {{> attrs}}>', '1:18 an attribute name written by {{…}}'],
    ['a partial inside an attribute value', '<img src="x.png" alt="{{> attrs}}">', '1:23 a partial ({{> attrs}}) inside a tag'],
    ['an Html field inside an attribute', '<div title="{{{titleHtml}}}">', '1:13 {{{titleHtml}}} inside a tag'],
    ['a CSS field in the body', '<div>{{{themeCssHtml}}}</div>', '1:6 {{{themeCssHtml}}} outside the built-in element it belongs in'],
    ['an unescaped field with &', '<p>{{&title}}</p>', '1:4 {{{title}}} (only fields ending in Html are written unescaped)'],
    ['markup in a raw block', '{{{{raw}}}}<iframe src="x"></iframe>{{{{/raw}}}}', '1:12 an <iframe> element'],
    ['markup in an inline partial', '{{#*inline "x"}}<form action="/"></form>{{/inline}}', '1:17 a <form> element'],
  ])('%s', async (_what, source, found) => {
    expect(await refusal(source)).toBe(found);
  });
});
