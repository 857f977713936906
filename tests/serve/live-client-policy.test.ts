import { describe, expect, it } from 'vitest';
import { inlineScripts, scriptHash, withPolicy } from '../../src/render/csp.js';
import { injectClient } from '../../src/serve/live-client.js';

const PAGE = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script>deck()</script></body></html>';
const policyOf = (html: string): string => /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';

describe('the live-reload client under serve, and the deck\'s policy', () => {
  it('is allowed by its hash, and may connect to the serving address only', () => {
    const written = withPolicy(PAGE, { hashes: [scriptHash('deck()')] });
    expect(policyOf(written)).toContain("connect-src 'none'");
    const served = injectClient(written, { deck: 'brief', error: null });
    const client = inlineScripts(served).find((s) => s.includes('WebSocket'))!;
    const policy = policyOf(served);
    expect(policy).toContain(`script-src ${scriptHash('deck()')} ${scriptHash(client)};`);
    expect(policy).toContain("connect-src 'self';");
    expect(policy).toMatch(/^default-src 'none';/);
    expect(served.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it('a page without scripts of its own gets only the client; a trusted page stays trusting', () => {
    expect(policyOf(injectClient(withPolicy(PAGE, { hashes: [] }), { deck: 'x', error: null }))).toMatch(/script-src 'sha256-[^']+';/);
    expect(policyOf(injectClient(withPolicy(PAGE, { trusted: true }), { deck: 'x', error: null }))).toContain("script-src 'unsafe-inline';");
  });
});

describe('the listing of decks has the policy too', () => {
  it('written: no script, no network; served: the live client only, connecting back', async () => {
    const { renderIndex } = await import('../../src/render/render-index.js');
    const { loadIndexTemplate } = await import('../../src/load/load-templates.js');
    const { clientScript } = await import('../../src/serve/live-client.js');
    const entry = { name: 'x', title: '<script>__pwned()</script>', slides: 3, brief: 'x.md', built: true, pdfs: [] };
    const written = policyOf(renderIndex([entry], await loadIndexTemplate()));
    expect(written).toContain("script-src 'none'; ");
    expect(written).toContain("connect-src 'none'");
    const client = clientScript({ deck: '', error: null });
    const served = policyOf(renderIndex([entry], await loadIndexTemplate(), { scriptHtml: client }));
    expect(served).toContain(`script-src ${scriptHash(inlineScripts(client)[0])};`);
    expect(served).toContain("connect-src 'self'");
  });
});
