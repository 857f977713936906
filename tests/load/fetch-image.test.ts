import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT } from '../helpers/fixtures.js';

const PNG = readFileSync(fixture('chart.png'));
const MB = 2 ** 20;
/** Far past the 20 MB limit: reading it all would show in the process's peak RSS. */
const BODY = 256 * MB;
const CHUNK = Buffer.alloc(MB, 0x41);

/** Bytes each route has sent so far; a client that stops reading stops the stream. */
const sent = new Map<string, number>();

/** Streams `total` bytes (a PNG header, then filler) and counts what the socket took. */
function stream(res: ServerResponse | Socket, route: string, total: number): void {
  let written = 0;
  const more = (): void => {
    while (written < total) {
      const chunk = written === 0 ? Buffer.concat([PNG, CHUNK.subarray(PNG.length)]) : CHUNK;
      written += chunk.length;
      sent.set(route, written);
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    res.end();
  };
  res.on('error', () => undefined);
  more();
}

let http: Server;
let raw: ReturnType<typeof createTcpServer>;
let base: string;
let rawBase: string;

beforeAll(async () => {
  http = createServer((req, res) => {
    if (req.url === '/small.png') return void res.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG.length }).end(PNG);
    // No content-length: chunked, so only counting what arrives can enforce the limit.
    res.writeHead(200, { 'content-type': 'image/png' });
    stream(res, req.url ?? '', BODY);
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  // A server that says 1 KB and sends 256 MB: the declared length must not be believed either.
  raw = createTcpServer((socket) => {
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: image/png\r\ncontent-length: 1024\r\nconnection: close\r\n\r\n');
      stream(socket, '/lying.png', BODY);
    });
  });
  raw.listen(0, '127.0.0.1');
  await once(raw, 'listening');
  rawBase = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
});

afterAll(async () => {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  await new Promise((resolve) => raw.close(resolve));
});

/** Fetches `url` with fetchImage in a process of its own; returns what it got and the process's peak RSS. */
async function fetchInChild(url: string): Promise<{ bytes: number | null; warnings: string[]; maxRssMb: number }> {
  const script = `
    import { fetchImage } from ${JSON.stringify(path.join(ROOT, 'lib', 'load', 'fetch-image.js'))};
    import { Diagnostics } from ${JSON.stringify(path.join(ROOT, 'lib', 'diagnostics.js'))};
    const diagnostics = new Diagnostics();
    const bytes = await fetchImage(process.argv[1], { file: 'x.md', line: 9 }, diagnostics);
    process.stdout.write(JSON.stringify({ bytes: bytes ? bytes.length : null, warnings: diagnostics.list.map((d) => d.message), maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = await once(child, 'close');
  expect(code).toBe(0);
  return JSON.parse(out) as { bytes: number | null; warnings: string[]; maxRssMb: number };
}

describe('fetchImage (--fetch-remote) stops reading at the limit', () => {
  it('reads a small image whole', async () => {
    expect(await fetchInChild(`${base}/small.png`)).toMatchObject({ bytes: PNG.length, warnings: [] });
  });

  it('a body with no content-length: stops at 20 MB, warns, and the process does not grow by the body', async () => {
    const baseline = await fetchInChild(`${base}/small.png`);
    const result = await fetchInChild(`${base}/chunked.png`);
    expect(result.bytes).toBeNull();
    expect(result.warnings).toEqual([`image ${base}/chunked.png is larger than 20 MB and is not embedded`]);
    // Reading the whole 256 MB body adds over 700 MB to the peak (measured before the fix); stopping at
    // the limit adds the 20 MB kept and what the collector has not yet freed (measured: 40-70 MB).
    expect(result.maxRssMb - baseline.maxRssMb).toBeLessThan(BODY / MB / 2);
    // The server saw the client stop: it did not get to send the whole body.
    expect(sent.get('/chunked.png')).toBeLessThan(BODY / 2);
  });

  it('a content-length that lies: no more than it declared is taken', async () => {
    const baseline = await fetchInChild(`${base}/small.png`);
    const result = await fetchInChild(`${rawBase}/lying.png`);
    expect(result.bytes === null || result.bytes <= 1024).toBe(true);
    expect(result.maxRssMb - baseline.maxRssMb).toBeLessThan(BODY / MB / 2);
  });
});
