/**
 * The entry of the worker thread that converts a document (convert-in-worker.ts): one request in
 * `workerData`, one reply posted back. A BriefdeckError goes back as its fields (an Error does not
 * cross threads with its class); anything else as a bug, with its stack.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BriefdeckError } from '../errors.js';
import { convertDocument, type ConvertRequest } from './convert-document.js';
import type { WorkerReply } from './convert-in-worker.js';

async function reply(): Promise<WorkerReply> {
  try {
    return { imported: await convertDocument(workerData as ConvertRequest) };
  } catch (error) {
    if (error instanceof BriefdeckError) return { refused: { code: error.code, message: error.message, at: error.at, exitCode: error.exitCode } };
    return { bug: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

parentPort?.postMessage(await reply());
