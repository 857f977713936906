import { describe, expect, it } from 'vitest';
import { movedSlides, nearestSlide } from '../../src/serve/nearest-slide.js';

const before = ['title', 'summary', 'context', 'context-p1', 'context-p2', 'context-p3', 'outlook', 'outlook-p1'];

describe('nearestSlide', () => {
  it('keeps a slide that is still there', () => {
    expect(nearestSlide(before, before, 'context-p2')).toBe('context-p2');
  });

  it('keeps the part when a heading is renamed', () => {
    const after = before.map((id) => id.replace('context', 'background'));
    expect(nearestSlide(before, after, 'context-p2')).toBe('background-p2');
    expect(nearestSlide(before, after, 'context')).toBe('background');
  });

  it('falls back to the slide before when the last part of a section goes', () => {
    const after = before.filter((id) => id !== 'context-p3');
    expect(nearestSlide(before, after, 'context-p3')).toBe('context-p2');
  });

  it('never passes the next slide that survived', () => {
    const after = ['title', 'summary', 'background', 'outlook', 'outlook-p1'];
    expect(nearestSlide(before, after, 'context-p3')).toBe('background');
  });

  it('goes to the first slide for an unknown id, and nowhere in an empty deck', () => {
    expect(nearestSlide(before, ['title', 'summary'], 'nope')).toBe('title');
    expect(nearestSlide(before, [], 'title')).toBeUndefined();
  });

  it('maps only the slides that are gone', () => {
    const after = before.filter((id) => id !== 'outlook-p1');
    expect(movedSlides(before, after)).toEqual({ 'outlook-p1': 'outlook' });
  });
});
