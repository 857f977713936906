import type { SourceRef } from './types.js';
import { escapeControls } from './control-chars.js';
import { formatRef } from './diagnostics.js';

/** One table of exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  input: 1,
  usage: 2,
  noBrowser: 3,
  export: 4,
  sigint: 130,
  sigterm: 143,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The only error briefdeck throws on purpose; anything else is a bug and is rethrown as one. */
export class BriefdeckError extends Error {
  readonly exitCode: ExitCode;
  readonly code: string;
  readonly at?: SourceRef;

  constructor(code: string, message: string, options: { at?: SourceRef; exitCode?: ExitCode; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'BriefdeckError';
    this.code = code;
    this.at = options.at;
    this.exitCode = options.exitCode ?? EXIT.input;
  }

  /** `content/x.md:12:3: message`, the form editors and CI logs link from; one line, whatever the brief wrote. */
  describe(): string {
    return escapeControls(this.at ? `${formatRef(this.at)}: ${this.message}` : this.message);
  }
}

export function fail(code: string, message: string, options?: ConstructorParameters<typeof BriefdeckError>[2]): never {
  throw new BriefdeckError(code, message, options);
}

/** After Ctrl-C or SIGTERM nothing more is committed: the previous outputs stay as they were. */
export function throwIfInterrupted(signal?: AbortSignal): void {
  if (!signal?.aborted) return;
  const sigterm = signal.reason === 'SIGTERM';
  fail('interrupted', `interrupted by ${sigterm ? 'SIGTERM' : 'SIGINT'}; outputs left as they were`, { exitCode: sigterm ? EXIT.sigterm : EXIT.sigint });
}
