import type { Diagnostics } from '../diagnostics.js';
import type { SourceRef } from '../types.js';
import { LIMITS } from './read-confined.js';

const FETCH_TIMEOUT_MS = 30_000;

/**
 * The body, read as it arrives and dropped once it passes `limit`, whatever content-length the
 * server declared (none, when chunked; it may lie): `undefined` when it is larger.
 */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Buffer.concat(chunks, total);
      total += value.length;
      if (total > limit) return undefined;
      chunks.push(value);
    }
  } finally {
    // Stops the download (and frees the connection) when the limit ended it.
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * Downloads one http(s) image for `--fetch-remote`, at most LIMITS.image bytes, within 30 s. Any
 * failure is a located warning and `undefined`, so the slide shows a placeholder as it would
 * without the flag.
 */
export async function fetchImage(src: string, at: SourceRef, diagnostics: Diagnostics, signal?: AbortSignal): Promise<Buffer | undefined> {
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const tooLarge = (): undefined => void diagnostics.warn('image-fetch-failed', `image ${src} is larger than ${LIMITS.image / 2 ** 20} MB and is not embedded`, at);
  try {
    const response = await fetch(src, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, redirect: 'follow' });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      diagnostics.warn('image-fetch-failed', `could not fetch image ${src} (HTTP ${response.status})`, at);
      return undefined;
    }
    if (Number(response.headers.get('content-length') ?? 0) > LIMITS.image) {
      await response.body.cancel();
      return tooLarge();
    }
    return (await readAtMost(response.body, LIMITS.image)) ?? tooLarge();
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = timeout.aborted ? `no answer in ${FETCH_TIMEOUT_MS / 1000} s` : ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
    diagnostics.warn('image-fetch-failed', `could not fetch image ${src} (${reason})`, at);
    return undefined;
  }
}
