/**
 * Where a viewer on slide `id` should land after a rebuild that removed it. Slides that survive
 * (same id) are anchors; the lost slide keeps its distance from the anchor before it, without
 * passing the anchor after it. So a renamed section keeps its viewer on the same part, and a slide
 * removed from the end of a section falls back to the one before.
 */
export function nearestSlide(before: string[], after: string[], id: string): string | undefined {
  if (after.length === 0) return undefined;
  if (after.includes(id)) return id;
  const index = before.indexOf(id);
  if (index === -1) return after[0];
  const newIndex = new Map(after.map((s, i) => [s, i]));
  let a = -1;
  let aNew = -1;
  for (let i = index - 1; i >= 0; i--) {
    const at = newIndex.get(before[i]);
    if (at !== undefined) {
      [a, aNew] = [i, at];
      break;
    }
  }
  let bNew = after.length;
  for (let i = index + 1; i < before.length; i++) {
    const at = newIndex.get(before[i]);
    if (at !== undefined && at > aNew) {
      bNew = at;
      break;
    }
  }
  const target = Math.min(aNew + (index - a), bNew - 1);
  return after[Math.max(0, target)];
}

/** For every slide that a rebuild removed, the slide to show instead. */
export function movedSlides(before: string[], after: string[]): Record<string, string> {
  const kept = new Set(after);
  const moved: Record<string, string> = {};
  for (const id of before) {
    if (kept.has(id)) continue;
    const target = nearestSlide(before, after, id);
    if (target) moved[id] = target;
  }
  return moved;
}
