import type { Palette } from './geometry.js';
import { esc, NS, srgb, XML_HEAD } from './ooxml.js';

/** The typefaces the deck uses, as named in the file (see the README: fonts in the PowerPoint file). */
export interface Typefaces {
  latin: string;
  /** East Asian text: the Noto face for the brief's language. */
  eastAsian: string;
  /** Arabic and Hebrew text. */
  complex: string;
}

const PANOSE_PLEX_SANS = '020B0503050203000203';

/** Fonts by language, as the deck's CSS orders them (templates/themes/institutional.css). */
export function typefacesFor(lang: string): Typefaces {
  const primary = lang.toLowerCase().split('-')[0];
  const eastAsian = primary === 'ja' ? 'Noto Sans JP' : primary === 'ko' ? 'Noto Sans KR' : 'Noto Sans SC';
  return { latin: 'IBM Plex Sans', eastAsian, complex: primary === 'he' || primary === 'yi' ? 'Noto Sans Hebrew' : 'Noto Sans Arabic' };
}

/** Hebrew letters in an Arabic deck (and Arabic in a Hebrew one) name their own face; else the theme's. */
export function complexFontOf(faces: Typefaces): (text: string) => string {
  return (text) => {
    const face = /[\u0590-\u05ff\ufb1d-\ufb4f]/.test(text) ? 'Noto Sans Hebrew' : /[\u0600-\u06ff\u0750-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/.test(text) ? 'Noto Sans Arabic' : faces.complex;
    return face === faces.complex ? '+mn-cs' : face;
  };
}

function fontXml(tag: string, faces: Typefaces): string {
  // Script fonts, so PowerPoint picks these faces for text it classes by script.
  const scripts = [['Jpan', 'Noto Sans JP'], ['Hang', 'Noto Sans KR'], ['Hans', 'Noto Sans SC'], ['Hant', 'Noto Sans SC'], ['Arab', 'Noto Sans Arabic'], ['Hebr', 'Noto Sans Hebrew']];
  const list = scripts.map(([script, face]) => `<a:font script="${script}" typeface="${face}"/>`).join('');
  return `<a:${tag}><a:latin typeface="${esc(faces.latin)}" panose="${PANOSE_PLEX_SANS}" pitchFamily="34" charset="0"/><a:ea typeface="${esc(faces.eastAsian)}"/><a:cs typeface="${esc(faces.complex)}"/>${list}</a:${tag}>`;
}

const FMT_SCHEME =
  '<a:fmtScheme name="briefdeck"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>' +
  '<a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>' +
  '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>' +
  '<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme>';

/**
 * The theme: the deck theme's colours as PowerPoint's colour scheme (so a user re-brands in
 * Design › Variants) and its typefaces as the theme fonts every run refers to (`+mn-lt`).
 */
export function themeXml(name: string, palette: Palette, faces: Typefaces): string {
  const c = (tag: string, hex: string): string => `<a:${tag}>${srgb(hex)}</a:${tag}>`;
  const colours =
    c('dk1', palette.text) + c('lt1', palette.bg) + c('dk2', palette.primary) + c('lt2', palette.surface) +
    c('accent1', palette.primary) + c('accent2', palette.accent) + c('accent3', palette.muted) + c('accent4', palette.link) +
    c('accent5', palette.rule) + c('accent6', palette.text) + c('hlink', palette.link) + c('folHlink', palette.link);
  const fonts = `<a:fontScheme name="briefdeck">${fontXml('majorFont', faces)}${fontXml('minorFont', faces)}</a:fontScheme>`;
  return `${XML_HEAD}<a:theme xmlns:a="${NS.a}" name="${esc(name)}"><a:themeElements><a:clrScheme name="${esc(name)}">${colours}</a:clrScheme>${fonts}${FMT_SCHEME}</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`;
}
