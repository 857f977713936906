import sanitizeHtml from 'sanitize-html';
import type { ImageMap } from '../types.js';

const RE_EXTERNAL = /^(?:https?:|mailto:|tel:)/i;

/**
 * The one HTML policy of a deck: an allowlist, so raw HTML in a brief (and links marked renders
 * verbatim, `javascript:` included) can never run script in the deck.
 */
function options(images: ImageMap): sanitizeHtml.IOptions {
  return {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags,
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
    allowedClasses: undefined,
    exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox',
    transformTags: {
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
