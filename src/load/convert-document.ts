import { importDocx } from '../import/import-docx.js';
import { importHtml } from '../import/import-html.js';
import type { Imported } from '../import/brief-markdown.js';
import { markdownOfText } from './text-brief.js';

/** A document read within its size limit, to convert to a Markdown brief (see convert-in-worker.ts). */
export type ConvertRequest =
  | { kind: 'docx'; bytes: Uint8Array; file: string; images: 'files' | 'data' }
  | { kind: 'html'; text: string; file: string }
  | { kind: 'text'; text: string; file: string };

/** The conversion itself, pure: run in a worker thread with a time limit, or in-process from the TypeScript sources. */
export async function convertDocument(request: ConvertRequest): Promise<Imported> {
  switch (request.kind) {
    case 'docx':
      return importDocx(request.bytes, request.file, { images: request.images });
    case 'html':
      return importHtml(request.text, request.file);
    case 'text':
      return markdownOfText(request.text, request.file);
  }
}
