import type { RenderedSlide } from '../types.js';

/** One bookmark: a title and the id of the slide it opens, which is also its named destination. */
export interface OutlineNode {
  title: string;
  id: string;
  children: OutlineNode[];
}

function label(slide: RenderedSlide): string {
  return slide.parts > 1 ? `${slide.title} (${slide.part}/${slide.parts})` : slide.title;
}

/**
 * Bookmarks from the deck's structure: the title slide, the summary and each section at the top
 * (at its divider, or without one at its first slide), with the section's slides beneath it. Pure, so the PDFs' outline is tested without a browser.
 */
export function outlineOf(slides: RenderedSlide[]): OutlineNode[] {
  const top: OutlineNode[] = [];
  let section: OutlineNode | undefined;
  for (const slide of slides) {
    switch (slide.kind) {
      case 'title':
        top.push({ title: slide.title, id: slide.id, children: [] });
        section = undefined;
        break;
      case 'summary':
        if (slide.part === 1) top.push({ title: slide.title, id: slide.id, children: [] });
        break;
      case 'agenda':
      case 'closing':
        section = undefined;
        if (slide.part === 1) top.push({ title: slide.title, id: slide.id, children: [] });
        break;
      case 'section':
        section = { title: slide.title, id: slide.id, children: [] };
        top.push(section);
        break;
      case 'content':
      case 'sources':
        // A section shown without a divider opens at its first slide; its parts, if several, beneath.
        if (section?.title !== slide.title) {
          section = { title: slide.title, id: slide.id, children: [] };
          top.push(section);
          if (slide.parts === 1) break;
        }
        section.children.push({ title: label(slide), id: slide.id, children: [] });
        break;
      default: {
        const never: never = slide.kind;
        throw new Error(`unknown slide kind ${String(never)}`);
      }
    }
  }
  return top;
}
