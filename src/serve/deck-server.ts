import createDebug from 'debug';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { BuildResult } from '../build/build-deck.js';
import { escapeHtml } from '../render/render-markdown.js';
import { loadIndexTemplate } from '../load/load-templates.js';
import { RE_BRIEF_EXT } from '../load/load-brief.js';
import { renderIndex } from '../render/render-index.js';
import type { IndexEntry } from '../types.js';
import { readManifest } from '../cache/manifest.js';
import { entryOf } from '../write/write-index.js';
import { injectClient, clientScript, LIVE_PATH } from './live-client.js';
import { deckUpdate } from './deck-update.js';
import { listen } from './listen.js';
import { openServed } from './open-served.js';
import { movedSlides } from './nearest-slide.js';

const debug = createDebug('briefdeck:serve');
const TYPES: Record<string, string> = { '.pdf': 'application/pdf', '.html': 'text/html; charset=utf-8', '.png': 'image/png', '.json': 'application/json' };
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
/** A file directly in a deck's folder: no separators (even encoded ones), no hidden files such as the manifest. */
const RE_FILE_NAME = /^[^./\\][^/\\]*$/;
/**
 * The live socket only ever carries small messages from the server; the page sends nothing. A
 * larger frame than this is no client of ours: the socket is closed (1009) before it is buffered.
 */
export const MAX_MESSAGE_BYTES = 1024;
/** Open live sockets (a page each) and HTTP connections: more are refused, so no peer can exhaust the process. */
export const MAX_SOCKETS = 64;
export const MAX_CONNECTIONS = 256;

function pathParts(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  } catch {
    return undefined;
  }
}

interface DeckState {
  file: string;
  /** The last deck that built, served until a newer one builds. */
  html?: string;
  slides: string[];
  entry: IndexEntry;
  error?: string;
}

export interface ServeOptions {
  outDir: string;
  host: string;
  port: number;
  /** The port was asked for: never fall back to another. */
  explicitPort: boolean;
}

/**
 * Serves the decks being built, from memory, each with the live-reload client; their PDFs from the
 * output folder; and a listing at `/`. Builds report to it through `built`, `failed` and `removed`.
 */
export class DeckServer implements AsyncDisposable {
  private readonly decks = new Map<string, DeckState>();
  private readonly http: Server;
  private readonly live: WebSocketServer;
  private readonly sockets = new Map<WebSocket, string>();
  /** Handshakes under way (see MAX_SOCKETS). */
  private joining = 0;
  private readonly settled = new WeakSet<object>();

  constructor(private readonly options: ServeOptions) {
    this.http = createServer((req, res) => void this.handle(req, res));
    this.http.maxConnections = MAX_CONNECTIONS;
    this.live = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, clientTracking: false });
    this.http.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname !== LIVE_PATH || !this.trusted(req)) return socket.destroy();
      // Counted from the handshake on, so sockets opened at once cannot all slip under the cap.
      if (this.sockets.size + this.joining >= MAX_SOCKETS) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.joining++;
      socket.once('close', () => this.settleJoin(socket));
      this.live.handleUpgrade(req, socket, head, (ws) => {
        this.settleJoin(socket);
        this.join(ws, url.searchParams.get('deck') ?? '');
      });
    });
  }

  /** Starts listening; resolves to the address to print. */
  async start(): Promise<string> {
    const port = await listen(this.http, this.options.host, this.options.port, this.options.explicitPort);
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    return `http://${host}:${port}/`;
  }

  /**
   * Pages of other sites must not read the decks through the live socket (browsers let any page open
   * a WebSocket), nor through a DNS name rebound to this machine: on a loopback address, only
   * loopback host names are served, and a socket's Origin must be this server.
   */
  private trusted(req: IncomingMessage): boolean {
    const host = req.headers.host ?? '';
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) return false;
    if (!LOOPBACK.has(this.options.host)) return true;
    return LOOPBACK.has(host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1'));
  }

  private settleJoin(socket: object): void {
    if (this.settled.has(socket)) return;
    this.settled.add(socket);
    this.joining--;
  }

  private join(ws: WebSocket, deck: string): void {
    this.sockets.set(ws, deck);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('error', () => this.sockets.delete(ws));
  }

  private send(deck: string | null, message: object): void {
    const data = JSON.stringify(message);
    for (const [ws, name] of this.sockets) if (deck === null || name === deck) ws.send(data);
  }

  private nameOf(file: string): string {
    return path.basename(file).replace(RE_BRIEF_EXT, '');
  }

  built(result: BuildResult): void {
    const name = result.deck.brief.name;
    const before = this.decks.get(name);
    const slides = result.deck.slides.map((s) => s.id);
    const meta = result.deck.brief.meta;
    const entry: IndexEntry = { name, title: meta.title, date: meta.date, lang: meta.lang, slides: slides.length, brief: result.file, built: true, pdfs: [] };
    const changed = before?.html !== result.deck.html || before?.error !== undefined;
    this.decks.set(name, { file: result.file, html: result.deck.html, slides, entry });
    if (changed) this.send(name, deckUpdate(before?.html, result.deck.html, movedSlides(before?.slides ?? [], slides)));
    if (changed || result.outputs.length > 0) this.send('', { type: 'reload' });
  }

  /** Briefs about to be built: listed, and served as "building" pages that reload once built. */
  listed(files: string[]): void {
    for (const file of files) {
      const name = this.nameOf(file);
      if (!this.decks.has(name)) this.decks.set(name, { file, slides: [], entry: { name, title: name, slides: 0, brief: file, pdfs: [], built: false } });
    }
  }

  failed(file: string, message: string): void {
    const name = this.nameOf(file);
    this.listed([file]);
    const state = this.decks.get(name) as DeckState;
    this.decks.set(name, { ...state, error: message, entry: { ...state.entry, error: message } });
    this.send(name, { type: 'error', message });
    this.send('', { type: 'reload' });
  }

  removed(file: string): void {
    this.decks.delete(this.nameOf(file));
    this.send('', { type: 'reload' });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      const parts = pathParts(url.pathname);
      if (!parts) return this.reply(res, 400, 'text/plain', 'bad request: the address is not valid percent-encoding');
      if (!this.trusted(req)) return this.reply(res, 403, 'text/plain', 'forbidden: unexpected Host or Origin');
      if (req.method !== 'GET' && req.method !== 'HEAD') return this.reply(res, 405, 'text/plain', 'method not allowed');
      if (parts.length === 0 || (parts.length === 1 && parts[0] === 'index.html')) return this.reply(res, 200, TYPES['.html'], await this.indexPage());
      const deck = this.decks.get(parts[0]);
      if (!deck) return this.reply(res, 404, TYPES['.html'], this.notFound(url.pathname));
      if (parts.length === 1 && !url.pathname.endsWith('/')) return this.redirect(res, `/${encodeURIComponent(parts[0])}/${url.search}`);
      if (parts.length === 1 || (parts.length === 2 && parts[1] === 'index.html')) return this.reply(res, 200, TYPES['.html'], this.deckPage(parts[0], deck));
      if (parts.length === 2 && RE_FILE_NAME.test(parts[1])) return await this.file(res, parts[0], parts[1]);
      return this.reply(res, 404, TYPES['.html'], this.notFound(url.pathname));
    } catch (error) {
      debug('request failed: %O', error);
      if (!res.headersSent) this.reply(res, 500, 'text/plain', 'briefdeck: internal error while serving this page');
      else res.destroy();
    }
  }

  private deckPage(name: string, deck: DeckState): string {
    const state = { deck: name, error: deck.error ?? null };
    if (deck.html) return injectClient(deck.html, state);
    const title = escapeHtml(deck.entry.title);
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><p>${title} is being built; this page reloads when it is ready.</p>${clientScript(state)}</body></html>`;
  }

  private async indexPage(): Promise<string> {
    const entries = await Promise.all([...this.decks.values()].map((d) => this.withPdfs(d.entry)));
    return renderIndex(entries, await loadIndexTemplate(), { scriptHtml: clientScript({ deck: '', error: null }), lead: `Serving ${entries.length} ${entries.length === 1 ? 'deck' : 'decks'}; pages reload when a brief changes.` });
  }

  /** PDFs come from the folder's manifest: only those built from the current input are linked. */
  private async withPdfs(entry: IndexEntry): Promise<IndexEntry> {
    const manifest = entry.built ? await readManifest(path.join(this.options.outDir, entry.name)) : undefined;
    return { ...entry, pdfs: (manifest && entryOf(entry.name, manifest)?.pdfs) ?? [] };
  }

  private notFound(pathname: string): string {
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><p>Nothing at ${escapeHtml(pathname)}. <a href="/">All decks</a></p></body></html>`;
  }

  private async file(res: ServerResponse, deck: string, name: string): Promise<void> {
    const opened = await openServed(this.options.outDir, deck, name);
    if (!opened) return this.reply(res, 404, TYPES['.html'], this.notFound(name));
    const { handle, size } = opened;
    res.writeHead(200, { 'content-type': TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store' });
    if (res.req.method === 'HEAD' || size === 0) {
      await handle.close();
      return void res.end();
    }
    // No more than the length announced, should the file grow meanwhile.
    handle.createReadStream({ end: size - 1 }).on('error', () => res.destroy()).pipe(res);
  }

  private redirect(res: ServerResponse, location: string): void {
    res.writeHead(302, { location });
    res.end();
  }

  private reply(res: ServerResponse, status: number, type: string, body: string): void {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  }

  async close(): Promise<void> {
    for (const ws of this.sockets.keys()) ws.terminate();
    this.live.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
