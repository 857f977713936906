import Handlebars from 'handlebars';
import { fail } from '../errors.js';
import type { TemplateSources } from '../load/load-templates.js';

export type DeckTemplate = (view: object) => string;

const compiled = new WeakMap<TemplateSources, DeckTemplate>();

/** One private Handlebars instance per template set: strict, so a misspelt field is an error. */
export function compileDeck(sources: TemplateSources): DeckTemplate {
  const cached = compiled.get(sources);
  if (cached) return cached;
  const hbs = Handlebars.create();
  for (const [name, source] of Object.entries(sources.partials)) {
    hbs.registerPartial(name, hbs.compile(source, { strict: true, noEscape: false }));
  }
  const deck = hbs.compile(sources.deck, { strict: true });
  const template: DeckTemplate = (view) => {
    try {
      return deck(view);
    } catch (error) {
      fail('template-error', `template error in ${sources.dir}: ${(error as Error).message}`);
    }
  };
  compiled.set(sources, template);
  return template;
}

const pages = new Map<string, DeckTemplate>();

/** A page outside the deck (the listing of decks): a private, strict instance too, compiled once per source. */
export function compilePage(source: string, file: string): DeckTemplate {
  const cached = pages.get(source);
  if (cached) return cached;
  const page = Handlebars.create().compile(source, { strict: true });
  const template: DeckTemplate = (view) => {
    try {
      return page(view);
    } catch (error) {
      fail('template-error', `template error in ${file}: ${(error as Error).message}`);
    }
  };
  pages.set(source, template);
  return template;
}
