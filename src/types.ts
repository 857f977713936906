import type { Token, Tokens } from 'marked';

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
  /** `full`: all text on the slides; `condensed`: the gist on the slides, the prose in the notes. */
  mode: Mode;
}

export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

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
export type Directive = { kind: 'break' } | { kind: 'notes'; text: string } | { kind: 'gist'; text: string };

export interface Block {
  token: Token;
  line: number;
  directive?: Directive;
  /** The block continues a list item begun on the previous slide, so it carries no marker. */
  cont?: boolean;
  /** Speaker notes that travel with this block to whichever slide it lands on (condensed mode). */
  notes?: string[];
}

export interface Section {
  index: number;
  /** `null` for the summary: the text before the first `##`. */
  heading: string | null;
  /** The heading's own token, kept so inline markup in it renders. */
  headingToken?: Tokens.Heading;
  line: number;
  blocks: Block[];
}

/** A GFM footnote: shown small at the foot of the slides that cite it, and on the Sources slide. */
export interface Footnote {
  label: string;
  number: number;
  /** Markdown. */
  text: string;
  line: number;
}

export type SlideKind = 'title' | 'summary' | 'agenda' | 'section' | 'content' | 'closing';

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
