import type { Cost } from './layout.js';

export interface Limit {
  words: number;
  lines: number;
  /** Most bullets on one slide (condensed mode); an atom with more (a list the author wrote) has a slide of its own. */
  items?: number;
}

/** A unit to pack: what it costs, and the gap (in lines) it needs from the unit before it. */
export interface Atom<T> {
  item: T;
  cost: Cost;
  gap: number;
  /** The bullets it holds, counted against `Limit.items` (1 when not given). */
  count?: number;
}

function fits(total: Cost, limit: Limit): boolean {
  return total.words <= limit.words && total.lines <= limit.lines + 1e-9;
}

export function atomFits<T>(atom: Atom<T>, limit: Limit): boolean {
  return fits(atom.cost, limit);
}

function countOf<T>(atom: Atom<T>): number {
  return atom.count ?? 1;
}

/** Next-fit packing in order; an atom larger than the limit gets a group of its own. */
function greedy<T>(atoms: Atom<T>[], limit: Limit): T[][] {
  return greedyAtoms(atoms, limit).map((group) => group.map((a) => a.item));
}

function greedyAtoms<T>(atoms: Atom<T>[], limit: Limit): Atom<T>[][] {
  const groups: Atom<T>[][] = [];
  let current: Atom<T>[] = [];
  let total: Cost = { words: 0, lines: 0 };
  let count = 0;
  for (const atom of atoms) {
    const next = current.length === 0 ? atom.cost : { words: total.words + atom.cost.words, lines: total.lines + atom.gap + atom.cost.lines };
    if (current.length > 0 && (!fits(next, limit) || count + countOf(atom) > (limit.items ?? Number.POSITIVE_INFINITY))) {
      groups.push(current);
      current = [atom];
      total = atom.cost;
      count = countOf(atom);
    } else {
      current.push(atom);
      total = next;
      count += countOf(atom);
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function groupFits<T>(group: Atom<T>[], limit: Limit): boolean {
  if (group.length === 1) return true;
  const lines = group.reduce((sum, a, i) => sum + a.cost.lines + (i > 0 ? a.gap : 0), 0);
  const words = group.reduce((sum, a) => sum + a.cost.words, 0);
  const count = group.reduce((sum, a) => sum + countOf(a), 0);
  return fits({ words, lines }, limit) && count <= (limit.items ?? Number.POSITIVE_INFINITY);
}

/** `atoms` in `k` runs in order whose bullet counts differ as little as the atoms allow (7 → 4 + 3). */
function evenByCount<T>(atoms: Atom<T>[], k: number): Atom<T>[][] {
  const groups: Atom<T>[][] = [];
  let left = atoms.reduce((sum, a) => sum + countOf(a), 0);
  let i = 0;
  for (let g = k; g > 0; g--) {
    const target = Math.ceil(left / g);
    const group: Atom<T>[] = [];
    let count = 0;
    // Each later group needs at least one atom.
    while (i < atoms.length - (g - 1) && (group.length === 0 || count + countOf(atoms[i]) <= target)) {
      count += countOf(atoms[i]);
      group.push(atoms[i++]);
    }
    left -= count;
    if (group.length > 0) groups.push(group);
  }
  if (i < atoms.length) groups[groups.length - 1].push(...atoms.slice(i));
  return groups;
}

/**
 * Packing by bullets: as few slides as the bullets and the room allow, with the bullets shared out
 * evenly, so seven become four and three, never five and two or six and one.
 */
function packByCount<T>(atoms: Atom<T>[], limit: Limit): T[][] {
  const best = greedyAtoms(atoms, limit);
  for (let k = best.length; k <= Math.min(atoms.length, best.length + 3); k++) {
    const groups = evenByCount(atoms, k);
    if (groups.length === k && groups.every((g) => groupFits(g, limit))) return groups.map((g) => g.map((a) => a.item));
  }
  return best.map((g) => g.map((a) => a.item));
}

/**
 * The one splitter: packs atoms (blocks, list items, sentences, table rows, code lines) into as few
 * groups as the limit allows, then evens the groups out, so a section of 2.2 slides' worth becomes
 * three even slides rather than two full ones and a stub.
 */
export function pack<T>(atoms: Atom<T>[], limit: Limit): T[][] {
  if (limit.items !== undefined) return packByCount(atoms, limit);
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
