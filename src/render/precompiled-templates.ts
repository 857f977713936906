/**
 * The built-in templates, precompiled: a template spec (`Handlebars.template`) by the sha256 of
 * its source. Empty here: lib/ and the TypeScript sources compile every template at run time. The
 * CLI bundle (scripts/build/bundle.mjs) replaces this module with the specs Handlebars made of
 * templates/**\/*.hbs at `npm run build`; a template whose source differs (edited since, or the
 * user's own) finds no spec and is compiled at run time as before.
 */
export const PRECOMPILED: Readonly<Record<string, TemplateSpecification>> = {};
