import sanitizeHtml from 'sanitize-html';
import type { ImageMap } from '../types.js';

const RE_EXTERNAL = /^(?:https?:|mailto:|tel:)/i;

/**
 * The only classes kept on HTML from a brief (README, "Hostile content"). A class is how reveal.js
 * and the theme find their furniture (`slide-background`, `controls`, `fragment`, `notes`,
 * `bd-footer`, `bd-classification-top`…): a brief that could write them could hide its words from
 * the slides, the PDF and the handout, or print a fake banner. These are the content classes the
 * renderer itself writes into the slide body (figures, continued lists, footnote marks, missing
 * images, code languages and highlighted code), which only style the content they are on.
 */
export const BRIEF_CLASSES: readonly string[] = ['bd-figure', 'bd-cont', 'bd-fn-ref', 'bd-footnotes', 'bd-missing-image', 'language-*', 'hljs', 'hljs-*'];

/**
 * Tags a brief's HTML may not keep, written as plain blocks instead so their words stay: a
 * `<section>` is a reveal.js slide of its own (and breaks the page count of the print), an
 * `<aside>` is where reveal.js looks for notes (and would survive `--strip-notes`).
 */
const AS_BLOCKS = { section: 'div', aside: 'div' } as const;
const BLOCKED_TAGS = new Set(Object.keys(AS_BLOCKS));

/**
 * The one HTML policy of a deck: an allowlist, so raw HTML in a brief (and links marked renders
 * verbatim, `javascript:` included) can never run script in the deck.
 */
function options(images: ImageMap): sanitizeHtml.IOptions {
  return {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags.filter((tag) => !BLOCKED_TAGS.has(tag)),
      'img', 'del', 'ins', 's', 'sup', 'sub', 'mark', 'input', 'figure', 'figcaption', 'details', 'summary', 'kbd', 'abbr', 'span', 'div',
    ],
    allowedAttributes: {
      '*': ['class', 'id', 'lang', 'dir', 'title'],
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'alt', 'width', 'height', 'loading'],
      th: ['align', 'colspan', 'rowspan', 'scope'],
      td: ['align', 'colspan', 'rowspan'],
      ol: ['start', 'reversed', 'type'],
      li: ['value'],
      input: ['type', 'checked', 'disabled'],
      code: ['class'],
      abbr: ['title'],
      span: ['role', 'aria-label'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowProtocolRelative: false,
    allowedClasses: { '*': [...BRIEF_CLASSES] },
    exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox',
    transformTags: {
      ...AS_BLOCKS,
      a: (tagName, attribs) => {
        const href = attribs.href ?? '';
        return { tagName, attribs: RE_EXTERNAL.test(href) ? { ...attribs, target: '_blank', rel: 'noopener noreferrer' } : attribs };
      },
      img: (tagName, attribs) => {
        const src = attribs.src ?? '';
        const data = images.get(src);
        if (data) return { tagName, attribs: { ...attribs, src: data } };
        // Remote images stay out unless fetched and embedded (--fetch-remote): decks work offline.
        if (/^data:image\/(?:png|jpeg|gif|webp|avif);/i.test(src)) return { tagName, attribs };
        // A missing local image keeps its place and says what is missing.
        return { tagName: 'span', attribs: { class: 'bd-missing-image', role: 'img', 'aria-label': attribs.alt ?? '' }, text: `[image: ${attribs.alt || src}]` };
      },
    },
  };
}

/**
 * `--allow-html`: every tag, attribute and URL scheme is kept as written (scripts included), for
 * briefs the user trusts; images are still embedded or replaced so the deck stays offline.
 */
function trustedOptions(images: ImageMap): sanitizeHtml.IOptions {
  return {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    allowedSchemesAppliedToAttributes: [],
    allowProtocolRelative: true,
    transformTags: { img: options(images).transformTags!.img },
  };
}

export function sanitize(html: string, images: ImageMap, trusted = false): string {
  return sanitizeHtml(html, trusted ? trustedOptions(images) : options(images));
}
