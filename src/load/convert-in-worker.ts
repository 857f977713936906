import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BriefdeckError, fail, type ExitCode } from '../errors.js';
import type { Imported } from '../import/brief-markdown.js';
import type { SourceRef } from '../types.js';
import type { ConvertRequest } from './convert-document.js';

/**
 * How long converting one document may take (ms), from starting its worker to its reply. A hostile
 * .docx or .html within the size limits can still keep a converter busy for minutes; the worker
 * is then terminated and the conversion refused.
 */
export const CONVERT_TIME_LIMIT = 30_000;

export type WorkerReply =
  | { imported: Imported }
  | { refused: { code: string; message: string; at?: SourceRef; exitCode: ExitCode } }
  | { bug: string };

/**
 * The worker's entry beside this module: lib/load/convert-worker.js for the library, and
 * lib/bundle/convert-worker.js for the CLI bundle (scripts/build/bundle.mjs names it so).
 */
const WORKER = new URL('./convert-worker.js', import.meta.url);

const seconds = (ms: number): string => `${ms / 1000} s`;

/**
 * Converts a document to a Markdown brief in a worker thread, terminated at `timeLimit` ms. From
 * the TypeScript sources (tests run them) there is no compiled worker to start: the conversion then
 * runs in this thread, without the time limit (tests/scripts/bundle.test.ts checks what ships).
 */
export async function convertInWorker(request: ConvertRequest, timeLimit = CONVERT_TIME_LIMIT): Promise<Imported> {
  if (!existsSync(fileURLToPath(WORKER))) return (await import('./convert-document.js')).convertDocument(request);
  const { Worker } = await import('node:worker_threads');
  // No flags of this process: the worker is plain compiled JavaScript, and some (`--input-type`, `-e`) are refused in a worker.
  // What a converter prints itself is dropped: it could echo the document's text, control characters and all, to the terminal.
  const worker = new Worker(WORKER, { workerData: request, execArgv: [], stdout: true, stderr: true });
  worker.stdout.resume();
  worker.stderr.resume();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new BriefdeckError('convert-timeout', `converting the document took longer than ${seconds(timeLimit)} and was stopped (briefdeck import --time-limit SECONDS allows more)`, {
          at: { file: request.file, line: 1 },
        }),
      );
    }, timeLimit);
  });
  const replied = new Promise<WorkerReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the document converter stopped (exit code ${code}) without a reply`)));
  });
  try {
    const reply = await Promise.race([replied, timedOut]);
    if ('imported' in reply) return reply.imported;
    if ('refused' in reply) fail(reply.refused.code, reply.refused.message, { at: reply.refused.at, exitCode: reply.refused.exitCode });
    throw new Error(`converting ${request.file} failed: ${reply.bug}`);
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
