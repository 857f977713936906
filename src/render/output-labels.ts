/**
 * Words the PDFs print around the brief's own text, in one table so that they can be translated
 * by `lang` later; plain English for now.
 */
export const OUTPUT_LABELS = {
  handout: 'Handout',
  contents: 'Contents',
  slide: 'Slide',
  notes: 'Notes',
  notesFor: 'Notes for slide',
  keywords: 'Keywords',
  page: 'Page',
} as const;

export type OutputLabels = { readonly [K in keyof typeof OUTPUT_LABELS]: string };
