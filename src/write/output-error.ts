import path from 'node:path';
import { BriefdeckError } from '../errors.js';

/** What the system said, in the words a user acts on; the code stays in the message for searching. */
const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large for the file system',
  EISDIR: 'a folder is in the way',
  ENOTDIR: 'a file is in the way of a folder',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
};

/**
 * A write or rename in an output folder that the system refused (a full disk, a folder in the way)
 * is the user's to fix, not a bug: a located error naming the output as it would have been called
 * (not its staging path), exit 1, so the other briefs of the run are still built. Anything else is
 * returned unchanged.
 */
export function outputFailure(error: unknown, stagingDir: string, target: string): unknown {
  if (error instanceof BriefdeckError) return error;
  const { code, path: file } = error as NodeJS.ErrnoException;
  if (!code || !(code in REASONS)) return error;
  const inStaging = typeof file === 'string' && path.resolve(file).startsWith(path.resolve(stagingDir) + path.sep);
  const shown = typeof file !== 'string' ? target : inStaging ? path.join(target, path.relative(stagingDir, file)) : file;
  return new BriefdeckError('output-unwritable', `cannot write ${shown}: ${REASONS[code]} (${code})`, { cause: error });
}
