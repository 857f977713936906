// Small statistics for bench samples: medians, and timing of one step in wall and CPU time.
import { performance } from 'node:perf_hooks';

export function median(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `{ median, min, max, n }` of a list of numbers, rounded to 0.1. */
export function summarise(values) {
  const round = (v) => (v === undefined ? undefined : Math.round(v * 10) / 10);
  return { median: round(median(values)), min: round(Math.min(...values)), max: round(Math.max(...values)), n: values.length };
}

/** Runs `fn` and returns its result with the wall and CPU (this process) milliseconds it took. */
export async function timed(fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wall, cpu: (used.user + used.system) / 1000 };
}

/** Summaries of a list of `{ wall, cpu, ... }` samples, field by field. */
export function summariseSamples(samples, fields = ['wall', 'cpu']) {
  const out = { n: samples.length };
  for (const field of fields) {
    const values = samples.map((s) => s[field]).filter((v) => typeof v === 'number');
    if (values.length > 0) out[field] = summarise(values);
  }
  return out;
}

/** `get(results, 'html.warm.wall.median')`: a nested field, or undefined when any step is missing. */
export function get(object, keys) {
  return keys.split('.').reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), object);
}
