import { watch, type FSWatcher } from 'chokidar';
import createDebug from 'debug';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const debug = createDebug('briefdeck:watch');

/** Folders never worth watching: they change often and no brief reads from them. */
const RE_IGNORED_SEGMENT = /(?:^|[\\/])(?:node_modules|\.git|\.briefdeck-tmp-[^\\/]*)(?:[\\/]|$)/;

/**
 * chokidar reports a file's change, then drops every other change to it for 50 ms, with no event
 * after: a second save inside that time (an editor's two-step save, an undo right after an error)
 * would never be built. Each reported file is looked at again once that time has passed.
 */
const CHOKIDAR_THROTTLE_MS = 50;

async function stamp(file: string): Promise<string> {
  return stat(file).then((s) => `${s.mtimeMs}:${s.size}`, () => 'missing');
}

export interface WatchOptions {
  /** Files and folders to watch (folders recursively, to `depth`). */
  paths: string[];
  /** Never reported: the output folder, so a build does not trigger itself. */
  ignore: string[];
  /** Quiet time after the last change before a batch is reported; editors save in several steps. */
  debounceMs?: number;
  depth?: number;
  onBatch: (changes: FileChange[]) => void;
  onError?: (error: Error) => void;
}

export interface FileChange {
  kind: 'add' | 'change' | 'unlink';
  file: string;
}

function inside(file: string, dir: string): boolean {
  return file === dir || file.startsWith(dir + path.sep);
}

/** Watches files and reports changes in debounced batches; close() (or `await using`) stops it. */
export class FileWatcher implements AsyncDisposable {
  private readonly watcher: FSWatcher;
  private batch = new Map<string, FileChange['kind']>();
  private timer?: NodeJS.Timeout;
  private readonly rechecks = new Set<NodeJS.Timeout>();
  private closed = false;
  readonly ready: Promise<void>;

  constructor(private readonly options: WatchOptions) {
    const ignored = options.ignore.map((p) => path.resolve(p));
    this.watcher = watch(options.paths, {
      ignoreInitial: true,
      depth: options.depth ?? 4,
      ignored: (file: string) => RE_IGNORED_SEGMENT.test(file) || ignored.some((dir) => inside(path.resolve(file), dir)),
    });
    this.ready = new Promise((resolve) => this.watcher.once('ready', () => resolve()));
    for (const kind of ['add', 'change', 'unlink'] as const) this.watcher.on(kind, (file: string) => this.queue(kind, file));
    this.watcher.on('error', (error) => options.onError?.(error as Error));
  }

  /** Watches more paths (files the builds were found to read); those already watched stay as they are. */
  add(paths: string[]): void {
    this.watcher.add(paths);
  }

  private queue(kind: FileChange['kind'], file: string): void {
    debug('%s %s', kind, file);
    // An editor that replaces the file (unlink, then add) has changed it, not removed it.
    const before = this.batch.get(file);
    this.batch.set(file, before === 'unlink' && kind === 'add' ? 'change' : kind);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? 30);
  }

  private flush(): void {
    const changes = [...this.batch].map(([file, kind]) => ({ kind, file }));
    this.batch = new Map();
    if (changes.length === 0) return;
    void this.recheck(changes.filter((c) => c.kind === 'change').map((c) => c.file));
    this.options.onBatch(changes);
  }

  /** See CHOKIDAR_THROTTLE_MS: a file that changed again unreported is queued as changed. */
  private async recheck(files: string[]): Promise<void> {
    const before = await Promise.all(files.map(stamp));
    const timer = setTimeout(() => {
      this.rechecks.delete(timer);
      void Promise.all(files.map(stamp)).then((after) => {
        if (this.closed) return;
        files.forEach((file, i) => after[i] !== before[i] && this.queue('change', file));
      });
    }, CHOKIDAR_THROTTLE_MS + 10);
    this.rechecks.add(timer);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const timer of this.rechecks) clearTimeout(timer);
    await this.watcher.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
