import type { Diagnostics } from '../diagnostics.js';
import type { SourceRef } from '../types.js';

/** Images larger than this are surely not meant for a slide, and would bloat every deck. */
export const MAX_REMOTE_IMAGE_BYTES = 20 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

/**
 * Downloads one http(s) image for `--fetch-remote`. Any failure is a located warning and `undefined`,
 * so the slide shows a placeholder as it would without the flag.
 */
export async function fetchImage(src: string, at: SourceRef, diagnostics: Diagnostics, signal?: AbortSignal): Promise<Buffer | undefined> {
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(src, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, redirect: 'follow' });
    if (!response.ok) {
      diagnostics.warn('image-fetch-failed', `could not fetch image ${src} (HTTP ${response.status})`, at);
      return undefined;
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_REMOTE_IMAGE_BYTES) {
      diagnostics.warn('image-fetch-failed', `image ${src} is larger than ${MAX_REMOTE_IMAGE_BYTES / 2 ** 20} MB and is not embedded`, at);
      await response.body?.cancel();
      return undefined;
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > MAX_REMOTE_IMAGE_BYTES) {
      diagnostics.warn('image-fetch-failed', `image ${src} is larger than ${MAX_REMOTE_IMAGE_BYTES / 2 ** 20} MB and is not embedded`, at);
      return undefined;
    }
    return bytes;
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = timeout.aborted ? `no answer in ${FETCH_TIMEOUT_MS / 1000} s` : ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
    diagnostics.warn('image-fetch-failed', `could not fetch image ${src} (${reason})`, at);
    return undefined;
  }
}
