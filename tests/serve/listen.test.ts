import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../../src/serve/listen.js';

const servers: Server[] = [];
function server(): Server {
  const s = createServer();
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(() => r(undefined)))));
});

describe('listen', () => {
  it('takes the next free port when the default is in use', async () => {
    const taken = await listen(server(), '127.0.0.1', 0, true);
    const port = await listen(server(), '127.0.0.1', taken, false);
    expect(port).not.toBe(taken);
    expect(port).toBeGreaterThan(0);
  });

  it('fails, with a usage exit code, when a port asked for is in use', async () => {
    const taken = await listen(server(), '127.0.0.1', 0, true);
    await expect(listen(server(), '127.0.0.1', taken, true)).rejects.toMatchObject({ code: 'serve-port-taken', exitCode: 2 });
  });
});
