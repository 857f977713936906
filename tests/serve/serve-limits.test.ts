import { once } from 'node:events';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DeckServer, MAX_MESSAGE_BYTES, MAX_SOCKETS } from '../../src/serve/deck-server.js';
import { LIVE_PATH } from '../../src/serve/live-client.js';
import { tempDir } from '../helpers/fixtures.js';

let dir: string;
let remove: () => Promise<void>;
let server: DeckServer;
let address: string;

beforeAll(async () => {
  ({ dir, remove } = await tempDir());
  const out = path.join(dir, 'dist');
  await mkdir(path.join(out, 'deck'), { recursive: true });
  await mkdir(path.join(dir, 'elsewhere'));
  await writeFile(path.join(dir, 'elsewhere', 'secret.pdf'), 'SECRET outside the output folder');
  await writeFile(path.join(out, 'deck', 'deck.pdf'), '%PDF-1.7 the deck');
  await symlink(path.join(dir, 'elsewhere', 'secret.pdf'), path.join(out, 'deck', 'out.pdf'));
  await symlink('../../elsewhere/secret.pdf', path.join(out, 'deck', 'relative.pdf'));
  await symlink('deck.pdf', path.join(out, 'deck', 'inside.pdf'));
  await mkdir(path.join(out, 'deck', 'folder.pdf'));
  // A whole deck folder that is a link out.
  await symlink(path.join(dir, 'elsewhere'), path.join(out, 'linked'));
  server = new DeckServer({ outDir: out, host: '127.0.0.1', port: 0, explicitPort: true });
  server.listed([path.join(dir, 'deck.md'), path.join(dir, 'linked.md')]);
  address = await server.start();
});
afterAll(async () => {
  await server?.close();
  await remove();
});

async function get(pathname: string): Promise<{ status: number; body: string }> {
  const response = await fetch(new URL(pathname, address));
  return { status: response.status, body: await response.text() };
}

describe('serve: regular files of dist/<deck>/ only', () => {
  it('serves a regular file of the deck folder', async () => {
    expect(await get('/deck/deck.pdf')).toEqual({ status: 200, body: '%PDF-1.7 the deck' });
  });

  it.each(['/deck/out.pdf', '/deck/relative.pdf', '/deck/inside.pdf', '/deck/folder.pdf', '/linked/secret.pdf', '/deck/..%2F..%2Felsewhere%2Fsecret.pdf', '/deck/%2e%2e/%2e%2e/elsewhere/secret.pdf'])('refuses %s', async (pathname) => {
    const { status, body } = await get(pathname);
    expect(status).toBe(404);
    expect(body).not.toContain('SECRET');
  });
});

function connect(): WebSocket {
  return new WebSocket(`${address.replace('http:', 'ws:')}${LIVE_PATH.slice(1)}?deck=deck`);
}

describe('serve: the live socket', () => {
  it(`closes a socket that sends a message over ${MAX_MESSAGE_BYTES} bytes (1009)`, async () => {
    const ws = connect();
    await once(ws, 'open');
    ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    const [code] = (await once(ws, 'close')) as [number];
    expect(code).toBe(1009);
  }, 10_000);

  it(`takes at most ${MAX_SOCKETS} sockets at once; a closed one frees its place`, async () => {
    const open: WebSocket[] = [];
    for (let i = 0; i < MAX_SOCKETS; i++) {
      const ws = connect();
      await once(ws, 'open');
      open.push(ws);
    }
    const refused = connect();
    const [error] = (await once(refused, 'error')) as [Error];
    expect(error.message).toMatch(/503/);
    const first = open.shift()!;
    first.close();
    await once(first, 'close');
    // The server may hear of the close a moment after the client: each try waits for its answer.
    for (;;) {
      const again = connect();
      const [event] = await Promise.race([once(again, 'open').then(() => ['open']), once(again, 'unexpected-response').then(() => ['refused'])]);
      if (event === 'open') {
        open.push(again);
        break;
      }
      again.terminate();
    }
    for (const ws of open) ws.terminate();
  }, 20_000);
});
