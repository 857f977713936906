import { strFromU8, unzipSync } from 'fflate';
import { fail } from '../errors.js';
import type { DocMeta } from './brief-markdown.js';

/** The most a .docx may hold once unzipped: its text, styles and images. A zip bomb stops here. */
export const DOCX_UNZIPPED_LIMIT = 200 * 2 ** 20;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: what Word writes for a password-protected .docx (and for an old .doc). */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

function xmlText(xml: string | undefined, tag: string): string | undefined {
  const m = xml && new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  const text = m?.[1]
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  return text || undefined;
}

/**
 * Checks that the bytes are a Word document Mammoth can read, before it reads them, and returns
 * what its core properties say. Every refusal is located at the file: an encrypted document, a
 * file that is not a zip, a zip too large once unzipped, a zip with macros but no document.
 */
export function readDocxPackage(bytes: Uint8Array, file: string): DocMeta {
  const at = { file, line: 1 };
  if (startsWith(bytes, CFB)) fail('docx-encrypted', 'this Word document is password-protected (or an old .doc file); remove the password or save it as .docx, then import it', { at });
  if (!startsWith(bytes, ZIP)) fail('docx-corrupt', 'this is not a Word document (.docx files are zip archives; this one is not)', { at });
  let total = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter(entry) {
        total += entry.originalSize;
        if (total > DOCX_UNZIPPED_LIMIT) fail('docx-too-large', `this Word document unzips to over ${DOCX_UNZIPPED_LIMIT / 2 ** 20} MB; split it or take out large images`, { at });
        return entry.name === '_rels/.rels' || entry.name === 'docProps/core.xml' || /^word\/[^/]+\.xml$/.test(entry.name) || entry.name.endsWith('vbaProject.bin');
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'docx-too-large') throw error;
    fail('docx-corrupt', `this Word document is damaged (${(error as Error).message}); open it in Word and save it again`, { at });
  }
  // The directory's sizes are the zip's own claim; what the parts read here really unzipped to counts too.
  if (Object.values(parts).reduce((sum, part) => sum + part.length, 0) > DOCX_UNZIPPED_LIMIT) {
    fail('docx-too-large', `this Word document unzips to over ${DOCX_UNZIPPED_LIMIT / 2 ** 20} MB; split it or take out large images`, { at });
  }
  const rels = parts['_rels/.rels'] && strFromU8(parts['_rels/.rels']);
  const main = rels && /Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"|Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/.exec(rels);
  const mainPart = main ? (main[1] ?? main[2]) : 'word/document.xml';
  if (!parts[mainPart]) {
    const macros = Object.keys(parts).some((n) => n.endsWith('vbaProject.bin'));
    fail('docx-corrupt', macros ? 'this Word file holds only macros, no document text' : `this zip is not a Word document: it has no ${mainPart}`, { at });
  }
  const core = parts['docProps/core.xml'] && strFromU8(parts['docProps/core.xml']);
  return {
    title: xmlText(core, 'dc:title'),
    author: xmlText(core, 'dc:creator'),
    date: xmlText(core, 'dcterms:created'),
    lang: xmlText(core, 'dc:language')?.toLowerCase().split('-')[0],
  };
}
