import type { Server } from 'node:http';
import { EXIT, fail } from '../errors.js';

/** How many ports after the default are tried before asking the system for any free one. */
const FALLBACK_TRIES = 10;

function tryListen(server: Server, port: number, host: string): Promise<number | 'in-use'> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') resolve('in-use');
      else reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Listens on `port`; when that is the default and taken, on the next free one. A port asked for
 * explicitly is never swapped silently: taken, it is an error.
 */
export async function listen(server: Server, host: string, port: number, explicit: boolean): Promise<number> {
  const candidates = explicit || port === 0 ? [port] : [...Array.from({ length: FALLBACK_TRIES }, (_, i) => port + i), 0];
  try {
    for (const candidate of candidates) {
      const bound = await tryListen(server, candidate, host);
      if (bound !== 'in-use') return bound;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    fail('serve-listen', `cannot listen on ${host}:${port} (${code})`, { exitCode: EXIT.usage });
  }
  fail('serve-port-taken', `port ${port} on ${host} is in use; choose another with --port`, { exitCode: EXIT.usage });
}
