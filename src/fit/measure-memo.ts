import type { SlideMeasure, StoredMeasures } from '../types.js';

const FIELDS = ['bodyHeight', 'bodyWidth', 'overflowY', 'overflowX', 'room', 'used', 'frameOverflowY', 'children', 'culprit'] as const;

/** A measure from its stored form (the manifest's numbers, in FIELDS order). */
export function storedMeasure(values: number[]): SlideMeasure {
  return Object.fromEntries(FIELDS.map((f, i) => [f, values[i]])) as unknown as SlideMeasure;
}

/** A slide's key: the page around it and the slide itself (render/layout-keys.ts). */
export function measureKey(deckKey: string, slideKey: string): string {
  return `${deckKey.slice(0, 16)}${slideKey}`;
}

/**
 * What the browser measured, by layout. Fit asks for the same layouts again and again: in its own
 * rounds (slides of untouched sections), on every rebuild while watching, and in the next `build`
 * (seeded from the folder's manifest). A slide laid out before is not laid out again. The build
 * owns it (BuildOptions.memo): a run of many briefs, or a watch session, keeps one for all builds.
 */
export class MeasureMemo {
  private readonly known = new Map<string, SlideMeasure>();
  private browser?: string;

  constructor(private readonly limit = 200_000) {}

  /**
   * Measures hold for one browser binary (BrowserSession.fingerprint), bound before use: another
   * browser than the one measured in so far forgets what was measured.
   */
  bind(browser: string): void {
    if (this.browser !== undefined && this.browser !== browser) this.known.clear();
    this.browser = browser;
  }

  get(key: string): SlideMeasure | undefined {
    return this.known.get(key);
  }

  set(key: string, measure: SlideMeasure): void {
    // A long watch session keeps the newest layouts; Map order is insertion order.
    if (this.known.size >= this.limit) this.known.delete(this.known.keys().next().value as string);
    this.known.set(key, measure);
  }

  /** Adds what an earlier build stored, when it was measured in this same browser. */
  seed(stored: StoredMeasures | undefined): void {
    if (!stored || this.browser === undefined || stored.browser !== this.browser || typeof stored.slides !== 'object') return;
    for (const [key, values] of Object.entries(stored.slides)) {
      if (!this.known.has(key) && Array.isArray(values) && values.length === FIELDS.length && values.every((v) => typeof v === 'number')) {
        this.set(key, storedMeasure(values));
      }
    }
  }

  /** The given entries in their stored form; none before a browser was bound. */
  store(keys: Iterable<string>): StoredMeasures | undefined {
    if (this.browser === undefined) return undefined;
    const slides: Record<string, number[]> = {};
    for (const key of keys) {
      const m = this.known.get(key);
      if (m) slides[key] = FIELDS.map((f) => m[f]);
    }
    return { browser: this.browser, slides };
  }
}
