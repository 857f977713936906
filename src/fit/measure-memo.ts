import type { SlideMeasure } from './measure-deck.js';

export type Measure = Omit<SlideMeasure, 'index'>;

const FIELDS = ['bodyHeight', 'bodyWidth', 'overflowY', 'overflowX', 'room', 'used', 'frameOverflowY', 'children', 'culprit'] as const;

/** Measures as kept on disk: by key, the numbers in FIELDS order, at full precision (fit must repeat exactly). */
export interface StoredMeasures {
  /** The browser they were taken in (see BrowserSession.fingerprint): another browser measures anew. */
  browser: string;
  slides: Record<string, number[]>;
}

/** A slide's key: the page around it and the slide itself (render/layout-keys.ts). */
export function measureKey(deckKey: string, slideKey: string): string {
  return `${deckKey.slice(0, 16)}${slideKey}`;
}

/**
 * What the browser measured, by layout. Fit asks for the same layouts again and again: in its own
 * rounds (slides of untouched sections), on every rebuild while watching, and in the next `build`
 * (seeded from the folder's manifest). A slide laid out before is not laid out again.
 */
export class MeasureMemo {
  private readonly known = new Map<string, Measure>();

  constructor(
    readonly browser: string,
    private readonly limit = 200_000,
  ) {}

  get(key: string): Measure | undefined {
    return this.known.get(key);
  }

  set(key: string, measure: Measure): void {
    // A long watch session keeps the newest layouts; Map order is insertion order.
    if (this.known.size >= this.limit) this.known.delete(this.known.keys().next().value as string);
    this.known.set(key, measure);
  }

  /** Adds what an earlier build stored, when it was measured in this same browser. */
  seed(stored: StoredMeasures | undefined): void {
    if (!stored || stored.browser !== this.browser || typeof stored.slides !== 'object') return;
    for (const [key, values] of Object.entries(stored.slides)) {
      if (!this.known.has(key) && Array.isArray(values) && values.length === FIELDS.length && values.every((v) => typeof v === 'number')) {
        this.set(key, Object.fromEntries(FIELDS.map((f, i) => [f, values[i]])) as unknown as Measure);
      }
    }
  }

  /** The given entries in their stored form. */
  store(keys: Iterable<string>): StoredMeasures {
    const slides: Record<string, number[]> = {};
    for (const key of keys) {
      const m = this.known.get(key);
      if (m) slides[key] = FIELDS.map((f) => m[f]);
    }
    return { browser: this.browser, slides };
  }
}
