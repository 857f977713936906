/**
 * A 300-page report is about 1 MB of Markdown; ten times that still builds in under a minute.
 * Past it a brief is surely not prose, and would take minutes and gigabytes to build (measured:
 * 5 MB, 14,761 slides, 40 s, 270 MB).
 */
export const MAX_BRIEF_BYTES = 10 * 1024 * 1024;

/** Markdown text with LF line ends, or why the bytes are not text: NUL bytes, or bad UTF-8 at a line. */
export type Decoded = { text: string } | { binary: true } | { badLine: number };

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.includes(0)) return { binary: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).replace(/\r\n?/g, '\n') };
  } catch {
    return { badLine: firstBadLine(bytes) };
  }
}

function firstBadLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}
