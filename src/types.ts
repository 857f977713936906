import type { Links, Token, Tokens } from 'marked';

/** A place in an input file; lines and columns are 1-based. */
export interface SourceRef {
  file: string;
  line: number;
  column?: number;
}

/**
 * A file (or folder) that a brief, its config or the command line names, and the rule it is read
 * by (load/read-confined.ts): inside `root` after symlinks when it has one; a path the user gave on
 * the command line has none (trusted, but still a regular file within a size limit).
 */
export interface NamedFile {
  /** Absolute. */
  path: string;
  /** As written, for messages. */
  given: string;
  /** Where it is named: the front-matter or config key; absent on the command line. */
  at?: SourceRef;
  /** The folder it must stay inside, and what messages call it ("the brief's folder"). */
  root?: { dir: string; name: string };
  /** Named by a config briefdeck found (not given): templates from it may not run script. */
  untrusted?: boolean;
}

export interface Author {
  name: string;
  affiliation?: string;
}

export const ASPECTS = { '16:9': { width: 1280, height: 720 }, '4:3': { width: 1024, height: 768 } } as const;
export type Aspect = keyof typeof ASPECTS;

/** Front matter after validation: every field has its final type. */
export interface BriefMeta {
  title: string;
  subtitle?: string;
  shortTitle: string;
  authors: Author[];
  date?: string;
  lang: string;
  /** A built-in theme's name, or the absolute path of a `.css` file (then described by `themeFile`). */
  theme: string;
  themeFile?: NamedFile;
  aspect: Aspect;
  budget: number;
  /** For the PDFs' metadata; from a list or a comma-separated string. */
  keywords: string[];
  /** Handout paper; when absent it follows `lang` (Letter for US-style regions). */
  paper?: Paper;
  /** Briefing furniture. */
  organisation?: string;
  logo?: NamedFile;
  classification?: string;
  version?: string;
  source?: string;
  contact?: string;
  thanks?: string;
  /** `undefined`: an agenda for three sections or more; a closing slide when there is one to make. */
  agenda?: boolean;
  closing?: boolean;
  /** Section divider slides: `auto` when sections are long enough to need a signpost, `all`, `none`, or `h1` (before `#` parts only). */
  dividers: Divider;
  /** `full`: all text on the slides; `condensed`: the gist on the slides, the prose in the notes. */
  mode: Mode;
}

export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

export const DIVIDERS = ['auto', 'all', 'none', 'h1'] as const;
export type Divider = (typeof DIVIDERS)[number];

export const MODES = ['full', 'condensed'] as const;
export type Mode = (typeof MODES)[number];

export interface Brief {
  file: string;
  /** The brief's name: its file name without `.md`; names the output folder. */
  name: string;
  meta: BriefMeta;
  body: string;
  /** Line of `body`'s first line in the file (after the front matter). */
  bodyLine: number;
  /**
   * Where the lines of `body` were written, when it includes other files (`<!-- include: … -->`);
   * absent, every line is the brief's own. Lines are numbered as `Block.line` is.
   */
  lines?: LineSpan[];
  /** The included files, named like `file` (relative to the working folder if it is). */
  includes?: string[];
}

/** From body line `from` on, lines come from `file`, starting at its line `line`. */
export interface LineSpan {
  from: number;
  file: string;
  line: number;
}

/** Directives are HTML comments so the brief still reads as a normal document. */
export type Directive = { kind: 'break' } | { kind: 'notes'; text: string } | { kind: 'gist'; text: string } | { kind: 'title'; text: string };

export interface Block {
  token: Token;
  line: number;
  directive?: Directive;
  /** The block continues a list item begun on the previous slide, so it carries no marker. */
  cont?: boolean;
  /** Speaker notes that travel with this block to whichever slide it lands on (condensed mode). */
  notes?: string[];
  /** Condensed: the bullet was shortened from the author's sentence (for `check`'s review list). */
  shortened?: { from: string; sentence: number; rules: string[] };
}

export interface Section {
  index: number;
  /** `null` for the summary: the text before the first `##`. */
  heading: string | null;
  /** The heading's own token, kept so inline markup in it renders. */
  headingToken?: Tokens.Heading;
  line: number;
  blocks: Block[];
  /** The Sources section briefdeck makes from the footnotes, not one the author wrote. */
  sources?: true;
  /** The slides' title when it is not the heading: a summary section the author named, moved up front as the key judgements. */
  title?: string;
}

/** An image as the brief names it: `src` as written, its alt text, the line of its block. */
export interface ImageRef {
  src: string;
  alt: string;
  line: number;
}

/** A GFM footnote: shown small at the foot of the slides that cite it, and on the Sources slide. */
export interface Footnote {
  label: string;
  number: number;
  /** Markdown. */
  text: string;
  line: number;
}

export type SlideKind = 'title' | 'summary' | 'agenda' | 'section' | 'content' | 'sources' | 'closing';

/** Slides whose body holds the brief's text (split, fitted, shrunk): the others are furniture. */
export const BODY_KINDS: readonly SlideKind[] = ['summary', 'content', 'sources'];

export function isBodySlide(slide: { kind: SlideKind }): boolean {
  return BODY_KINDS.includes(slide.kind);
}

export interface Slide {
  id: string;
  kind: SlideKind;
  title: string;
  titleToken?: Tokens.Heading;
  /** 1-based part of a section split over several slides, and how many parts it has. */
  part: number;
  parts: number;
  blocks: Block[];
  notes: string[];
  line: number;
  sectionIndex: number;
  /** Zoom of the body (≤ 1), set by fit when one block too large to split must shrink. */
  scale?: number;
  /** Footnotes cited on this slide; with `footnotesInNotes` they go to the notes, for want of room. */
  footnotes?: Footnote[];
  footnotesInNotes?: boolean;
  /** The numbers of the footnotes its notes cite, by label: their markers read as on the slides. */
  notesFootnotes?: Record<string, number>;
  /** Made by briefdeck (agenda, closing, Sources), not written by the author: its id yields to theirs. */
  generated?: true;
  /** An assertion title the author gave (`<!-- title: … -->`): shown as the title, the section heading above it as a kicker. */
  assertion?: string;
  /** The first slide of a section shown without a divider: it takes the section's id, so links to the section land on it. */
  opens?: true;
}

export interface RenderedSlide {
  id: string;
  kind: SlideKind;
  title: string;
  part: number;
  parts: number;
  line: number;
  bodyHtml: string;
  notesHtml: string;
  /** Hash of what decides how the slide lays out (not its number, id or notes); see render/layout-keys.ts. */
  layoutKey: string;
}

export interface Deck {
  brief: Brief;
  slides: RenderedSlide[];
  size: { width: number; height: number };
  html: string;
  /** Hash of the page around the slides (styles, fonts, scripts, templates): with a slide's key, its layout. */
  layoutKey: string;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  at?: SourceRef;
}

/** Local images of a brief as data: URLs, keyed by the `src` written in the Markdown. */
export type ImageMap = Map<string, string>;

/** Everything a deck inlines besides the brief's own images: reveal.js, fonts and the theme. */
export interface DeckAssets {
  resetCss: string;
  revealCss: string;
  revealJs: string;
  notesJs: string;
  fontsCss: string;
  themeCss: string;
}

/** Template sources by name: `deck` and one `partials/<name>` per file in templates/partials. */
export interface TemplateSources {
  dir: string;
  deck: string;
  partials: Record<string, string>;
  /** The file each template came from (`deck`, `partials/<name>`), for located template errors. */
  files: Record<string, string>;
  /** The user's folder (`--templates`, or `templates:` in the config), as named. */
  user?: NamedFile;
}

/**
 * The handout's template over the deck's own slide partials (so a slide in the handout is the very
 * markup of the deck), its partials from templates/handout/, and its stylesheets.
 */
export interface HandoutTemplates {
  sources: TemplateSources;
  css: string;
  /** Styles added to the slide PDF's print view for `--notes` pages. */
  notesPageCss: string;
}

/** A brief's footnotes, numbered in the order the brief first cites them (uncited ones last). */
export interface Footnotes {
  list: Footnote[];
  byLabel: Map<string, Footnote>;
}

/** How one slide lays out in Chromium, in canvas pixels at the deck's own size. */
export interface SlideMeasure {
  /** Height and width the body has, and how far its content reaches below it (≤ 0: it fits). */
  bodyHeight: number;
  bodyWidth: number;
  overflowY: number;
  /** How far the widest content reaches past the body's right edge. */
  overflowX: number;
  /** Room the body could take (down to the footer), and how much its content uses. */
  room: number;
  used: number;
  /** Overflow of the whole frame (title and section slides have no body). */
  frameOverflowY: number;
  /** The body's top-level elements, and the first of them that sticks out (-1: none). */
  children: number;
  culprit: number;
}

/** Measures as kept on disk: by key, the numbers in FIELDS order, at full precision (fit must repeat exactly). */
export interface StoredMeasures {
  /** The browser they were taken in (BrowserSession.fingerprint): another browser measures anew. */
  browser: string;
  slides: Record<string, number[]>;
}

export interface FitStats {
  /** Whether slides were measured in a browser at all. */
  verified: boolean;
  rounds: number;
  /** Time spent laying out and measuring, in milliseconds. */
  ms: number;
  /** Slides that still overflow. */
  overflow: number;
  /** Slides laid out in the browser, not counting those whose measures were known. */
  laidOut: number;
}

/**
 * What split packs into slides, and packs again each time fit has measured them: the brief's
 * sections and what they cite, lexed once.
 */
export interface DeckPlan {
  brief: Brief;
  /** Every section, the generated Sources last. */
  sections: Section[];
  /** The brief's own sections as written (not condensed, not the generated Sources): the agenda and closing come from these. */
  own: Section[];
  footnotes: Footnotes;
  /** Reference-link definitions, for pieces of blocks lexed again when split. */
  links: Links;
}

/** What render needs besides the slides (see RenderInput). */
export type RenderBase = Omit<RenderInput, 'slides' | 'only'>;

/** Everything a deck is rendered from. */
export interface RenderInput {
  brief: Brief;
  slides: Slide[];
  images: ImageMap;
  assets: DeckAssets;
  templates: TemplateSources;
  version: string;
  /** Leave every `<aside class="notes">` out of the HTML (`--strip-notes`); `Deck.slides` keep theirs. */
  stripNotes?: boolean;
  /** Extra fields for another template over the same view (the handout). */
  view?: Record<string, unknown>;
  /** The `logo` as a data: URL, read by load. */
  logo?: string;
  /** `--allow-html`: raw HTML in the brief is kept as written. */
  allowHtml?: boolean;
  /**
   * Put only these slides (indices into `slides`) in the HTML, each rendered exactly as in the whole
   * deck (same agenda, same numbers): fit measures just the slides it has not measured before.
   */
  only?: number[];
}

/** One deck in the listing of an output folder. */
export interface IndexEntry {
  /** The deck's folder name (the brief's name). */
  name: string;
  title: string;
  date?: string;
  lang?: string;
  slides: number;
  brief: string;
  /** PDF file names inside the deck's folder, current ones only. */
  pdfs: string[];
  /** Whether the folder holds a deck to link to. */
  built: boolean;
  /** The located error of the last build, while serving. */
  error?: string;
}
