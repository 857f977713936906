import type { Cost } from './layout.js';

export interface Limit {
  words: number;
  lines: number;
}

/** A unit to pack: what it costs, and the gap (in lines) it needs from the unit before it. */
export interface Atom<T> {
  item: T;
  cost: Cost;
  gap: number;
}

function fits(total: Cost, limit: Limit): boolean {
  return total.words <= limit.words && total.lines <= limit.lines + 1e-9;
}

export function atomFits<T>(atom: Atom<T>, limit: Limit): boolean {
  return fits(atom.cost, limit);
}

/** Next-fit packing in order; an atom larger than the limit gets a group of its own. */
function greedy<T>(atoms: Atom<T>[], limit: Limit): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let total: Cost = { words: 0, lines: 0 };
  for (const atom of atoms) {
    const next = current.length === 0 ? atom.cost : { words: total.words + atom.cost.words, lines: total.lines + atom.gap + atom.cost.lines };
    if (current.length > 0 && !fits(next, limit)) {
      groups.push(current);
      current = [atom.item];
      total = atom.cost;
    } else {
      current.push(atom.item);
      total = next;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The one splitter: packs atoms (blocks, list items, sentences, table rows, code lines) into as few
 * groups as the limit allows, then evens the groups out, so a section of 2.2 slides' worth becomes
 * three even slides rather than two full ones and a stub.
 */
export function pack<T>(atoms: Atom<T>[], limit: Limit): T[][] {
  const best = greedy(atoms, limit);
  if (best.length <= 1) return best;
  let lo = 0;
  let hi = 1;
  let result = best;
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    const groups = greedy(atoms, { words: limit.words * mid, lines: limit.lines * mid });
    if (groups.length <= best.length) {
      hi = mid;
      result = groups;
    } else {
      lo = mid;
    }
  }
  return result;
}
