import { createHash } from 'node:crypto';

/** Which scripts a page may run: these inline texts (by hash), or any inline script (`--allow-html`). */
export type ScriptRule = { hashes: string[] } | { trusted: true };

const RE_POLICY = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;
const RE_INLINE_SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;

const hashes = new Map<string, string>();

/** A CSP source for an inline script's text, hashed as the browser hashes it (line breaks normalised by the HTML parser). */
export function scriptHash(text: string): string {
  let hash = hashes.get(text);
  if (!hash) {
    if (hashes.size >= 32) hashes.clear();
    hash = `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n')).digest('base64')}'`;
    hashes.set(text, hash);
  }
  return hash;
}

/** The texts of the inline `<script>` elements of `html` (those with `src` load nothing here: no network). */
export function inlineScripts(html: string): string[] {
  return Array.from(html.matchAll(RE_INLINE_SCRIPT), (m) => m).filter((m) => !/\bsrc\s*=/i.test(m[1])).map((m) => m[2]);
}

/**
 * The policy of every page briefdeck writes (the deck, the handout): nothing from the network or
 * the disk, ever, so a defect elsewhere (a sanitizer gap, a theme that slipped through) still
 * cannot run script or load anything. Images and fonts are the deck's own data: URLs.
 * - `style-src 'unsafe-inline'`: reveal.js lays slides out by setting `style` attributes, and the
 *   theme, fonts and reveal.js's CSS are inline `<style>`s; styles run no code. `data:` is for a
 *   theme's own `@import`s, embedded as data: stylesheets (load/theme-css.ts).
 * - `frame-src 'self'`: the speaker view shows the deck itself in two frames.
 * - `connect-src`: nothing, but `'self'` under `serve`, whose live-reload client opens a WebSocket
 *   to the address that served the page (CSP 3 lets `'self'` match ws: on the same host and port).
 */
export function policyText(scripts: ScriptRule, connect = false): string {
  const script = 'trusted' in scripts ? "'unsafe-inline'" : scripts.hashes.length > 0 ? [...new Set(scripts.hashes)].join(' ') : "'none'";
  return [
    "default-src 'none'",
    `script-src ${script}`,
    "style-src 'unsafe-inline' data:",
    'img-src data:',
    'font-src data:',
    "frame-src 'self'",
    `connect-src ${connect ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function policyMeta(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
}

/**
 * `html` with its policy, placed before anything it governs: after the charset (which must come in
 * the first bytes), else at the start of the head, else first. A page that has one is replaced.
 */
export function withPolicy(html: string, scripts: ScriptRule, connect = false): string {
  const meta = policyMeta(policyText(scripts, connect));
  if (RE_POLICY.test(html)) return html.replace(RE_POLICY, () => meta);
  const anchor = /<meta charset[^>]*>/i.exec(html) ?? /<head\b[^>]*>/i.exec(html);
  if (!anchor) return meta + html;
  const at = anchor.index + anchor[0].length;
  return `${html.slice(0, at)}\n${meta}${html.slice(at)}`;
}

/**
 * `html`'s policy, also allowing the inline script `script` and connections to the page's own
 * address: for the live-reload client `serve` adds. A page without a policy (the listing) is left as it is.
 */
export function allowLiveScript(html: string, script: string): string {
  const found = RE_POLICY.exec(html);
  if (!found) return html;
  const directives = found[1].split(';').map((d) => d.trim());
  const updated = directives.map((d) => {
    if (d.startsWith('connect-src ')) return "connect-src 'self'";
    // 'unsafe-inline' is ignored once a hash is listed: a trusted page stays as trusting as it was.
    if (d.startsWith('script-src ') && !d.includes("'unsafe-inline'")) return `script-src ${[...d.slice(11).split(' ').filter((s) => s !== "'none'"), scriptHash(script)].join(' ')}`;
    return d;
  });
  return html.replace(RE_POLICY, () => policyMeta(updated.join('; ')));
}

const RE_WRITTEN_PAGE = /document\.write\(`/;
const speakerViews = new Map<string, string[]>();

/**
 * The inline scripts of reveal.js's speaker view. The notes plugin writes that page into an
 * about:blank window, which runs under the deck's own policy, so the deck must allow them too.
 * The page is a template literal without substitutions in notes.js: it is cooked here as JavaScript
 * would cook it, never evaluated.
 */
export function speakerViewScripts(notesJs: string): string[] {
  let scripts = speakerViews.get(notesJs);
  if (scripts) return scripts;
  const open = RE_WRITTEN_PAGE.exec(notesJs);
  scripts = [];
  if (open) {
    const start = open.index + open[0].length;
    let end = start;
    while (end < notesJs.length && notesJs[end] !== '`') end += notesJs[end] === '\\' ? 2 : 1;
    const raw = notesJs.slice(start, end);
    if (!raw.includes('${')) scripts = inlineScripts(cookTemplate(raw));
  }
  if (speakerViews.size >= 4) speakerViews.clear();
  speakerViews.set(notesJs, scripts);
  return scripts;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** A template literal's text as JavaScript reads it (its escapes). */
function cookTemplate(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\n|[\s\S])/g, (_m, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e.length > 1 && (e[0] === 'u' || e[0] === 'x')) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '\n') return '';
    return SIMPLE_ESCAPES[e] ?? e;
  });
}
