/** Markdown text with LF line ends, or why the bytes are not text: UTF-16, NUL bytes, or bad UTF-8 at a line. */
export type Decoded = { text: string } | { binary: true } | { utf16: true } | { badLine: number };

const RE_NOT_TEXT = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\uFFFE\uFFFF]/;
/** Enough of a file to tell UTF-16 text from binary. */
const SAMPLE_BYTES = 4096;

export function decodeText(bytes: Uint8Array): Decoded {
  if (isUtf16(bytes)) return { utf16: true };
  if (bytes.includes(0)) return { binary: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).replace(/\r\n?/g, '\n') };
  } catch {
    return { badLine: firstBadLine(bytes) };
  }
}

/**
 * Windows editors save "Unicode" as UTF-16: a byte-order mark (never valid UTF-8), or without one,
 * NUL bytes that decode, in one byte order, to text without control characters (a binary file's
 * NULs decode to controls or bad surrogates).
 */
function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  if (bytes.length % 2 !== 0 || !bytes.includes(0)) return false;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  return ['utf-16le', 'utf-16be'].some((encoding) => {
    try {
      return !RE_NOT_TEXT.test(new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true }));
    } catch {
      return false;
    }
  });
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
