import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import type { DeckGeometry, SlideGeometry } from './geometry.js';
import { emu, guid, relsXml } from './ooxml.js';
import { appXml, contentTypesXml, coreXml, layoutXml, masterXml, notesMasterXml, notesSlideXml, presentationRels, presentationXml, PRES_PROPS, rootRelsXml, slideXml, TABLE_STYLES, VIEW_PROPS, type DocInfo, type SectionRef } from './package-parts.js';
import { layoutOf, layoutPlaceholders, slideTree, type LayoutKind, type TreeEnv } from './slide-tree.js';
import { complexFontOf, themeXml, typefacesFor } from './theme-xml.js';
import type { TextContext } from './text-body.js';
import { ShapeIds } from './shapes.js';

/** What the file is made of besides the geometry: the slide model's sections and the deck's details. */
export interface PptxInput {
  geometry: DeckGeometry;
  /** One per slide: its section (slides of one section share a PowerPoint section) and that section's name. */
  sections: Array<{ key: number; name: string }>;
  info: Omit<DocInfo, 'slides' | 'notes'>;
  version: string;
  /** `--pptx-images`: one picture per slide (PNG), its text in the title and the alt text. */
  pictures?: Uint8Array[];
}

type Rel = { id: string; type: string; target: string; external?: boolean };

const LAYOUTS: Array<{ kind: LayoutKind; name: string; type: string }> = [
  { kind: 'title', name: 'Title Slide', type: 'title' },
  { kind: 'section', name: 'Section Header', type: 'secHead' },
  { kind: 'content', name: 'Title and Content', type: 'obj' },
];
const RE_DATA_URL = /^data:image\/(png|jpeg|gif);base64,(.*)$/s;
// A fixed time, so the same deck makes the same bytes (the zip stores each file's time).
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

/** Media parts, each stored once however many slides show it. */
class Media {
  readonly files = new Map<string, Uint8Array>();
  private readonly names = new Map<string, string>();

  add(data: Uint8Array, ext: string): string {
    const hash = createHash('sha256').update(data).digest('hex');
    let name = this.names.get(hash);
    if (!name) {
      name = `image${this.names.size + 1}.${ext}`;
      this.names.set(hash, name);
      this.files.set(`ppt/media/${name}`, data);
    }
    return name;
  }

  addDataUrl(src: string): string | undefined {
    const m = RE_DATA_URL.exec(src);
    return m ? this.add(Buffer.from(m[2], 'base64'), m[1]) : undefined;
  }
}

/** Links and pictures of one part become its relationships; `first` are the fixed ones. */
function partEnv(input: PptxInput, media: Media, rels: Rel[], lost: (alt: string) => void): TreeEnv {
  const slideIndex = new Map(input.geometry.slides.map((s, i) => [s.id, i]));
  const faces = typefacesFor(input.info.lang);
  const add = (type: string, target: string, external?: boolean): string => {
    const found = rels.find((r) => r.type === type && r.target === target);
    if (found) return found.id;
    const id = `rId${rels.length + 1}`;
    rels.push({ id, type, target, external });
    return id;
  };
  const ctx: TextContext = {
    lang: input.info.lang,
    complexFont: complexFontOf(faces),
    link: (href) => {
      if (/^(https?:|mailto:)/i.test(href)) return { id: add('hyperlink', href, true), slide: false };
      const target = slideIndex.get(decodeURIComponent(href.replace(/^#\/?/, '')));
      return href.startsWith('#') && target !== undefined ? { id: add('slide', `../slides/slide${target + 1}.xml`), slide: true } : undefined;
    },
  };
  const picture = (src: string): string => {
    const name = media.addDataUrl(src);
    return name ? add('image', `../media/${name}`) : '';
  };
  return { width: input.geometry.width, height: input.geometry.height, ctx, picture, lost };
}

function sectionList(input: PptxInput): SectionRef[] {
  const out: SectionRef[] = [];
  input.sections.forEach((s, i) => {
    const last = out[out.length - 1];
    if (last && input.sections[i - 1]?.key === s.key) last.slideIds.push(256 + i);
    else out.push({ name: s.name, slideIds: [256 + i] });
  });
  return out;
}

function layoutParts(input: PptxInput, media: Media, files: Zippable): void {
  const { slides, palette } = input.geometry;
  LAYOUTS.forEach(({ kind, name, type }, i) => {
    const first: SlideGeometry | undefined = slides.find((s) => layoutOf(s.kind) === kind);
    const rels: Rel[] = [{ id: 'rId1', type: 'slideMaster', target: '../slideMasters/slideMaster1.xml' }];
    const env = partEnv(input, media, rels, () => undefined);
    const background = first?.background.hex ?? (kind === 'section' ? palette.primary : palette.bg);
    const tree = first && !input.pictures ? slideTree(first, env, { number: 0, furniture: true, extra: (ids) => layoutPlaceholders(first, env, kind, ids) }) : slideTree({ id: '', kind, background: first?.background ?? { hex: background, alpha: 1 }, items: [], floor: input.geometry.height, notes: [] }, env, { number: 0, furniture: true, extra: (ids) => layoutPlaceholders(undefined, env, kind, ids) });
    files[`ppt/slideLayouts/slideLayout${i + 1}.xml`] = strToU8(layoutXml(name, type, background, tree));
    files[`ppt/slideLayouts/_rels/slideLayout${i + 1}.xml.rels`] = strToU8(relsXml(rels));
  });
  const masterRels = [...LAYOUTS.map((_, i) => ({ id: `rId${i + 1}`, type: 'slideLayout', target: `../slideLayouts/slideLayout${i + 1}.xml` })), { id: `rId${LAYOUTS.length + 1}`, type: 'theme', target: '../theme/theme1.xml' }];
  const env = partEnv(input, media, [], () => undefined);
  const content = slides.find((s) => layoutOf(s.kind) === 'content');
  const ids = new ShapeIds();
  const tree = `<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${layoutPlaceholders(content, env, 'content', ids)}</p:spTree>`;
  files['ppt/slideMasters/slideMaster1.xml'] = strToU8(masterXml(palette.bg, palette.text, palette.primary, tree, LAYOUTS.length));
  files['ppt/slideMasters/_rels/slideMaster1.xml.rels'] = strToU8(relsXml(masterRels));
}

function strToU8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/** A slide of `--pptx-images`: the picture over the whole slide, the title in its placeholder beneath it. */
function pictureTree(slide: SlideGeometry, png: Uint8Array, env: TreeEnv, media: Media, rels: Rel[]): string {
  const name = media.add(png, 'png');
  rels.push({ id: `rId${rels.length + 1}`, type: 'image', target: `../media/${name}` });
  const title = slide.items.find((i) => i.type === 'text' && i.role === 'title');
  const alt = slide.items.flatMap((i) => (i.type === 'text' ? i.paras.map((p) => p.runs.map((r) => r.text).join('')) : [])).join(' ');
  const full = { x: 0, y: 0, w: env.width, h: env.height };
  return slideTree({ ...slide, items: title ? [title] : [] }, env, {
    number: 0,
    furniture: false,
    extra: (ids) => `<p:pic><p:nvPicPr><p:cNvPr id="${ids.take()}" name="Slide picture" descr="${alt.replace(/[<>&"]/g, ' ')}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="${rels[rels.length - 1].id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${emu(full.w)}" cy="${emu(full.h)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`,
  });
}

/** Builds the .pptx package (a zip of OOXML parts) for the measured deck; `lost` hears of pictures left out. */
export function buildPptx(input: PptxInput, lost: (slide: number, alt: string) => void = () => undefined): Uint8Array {
  const { geometry } = input;
  const media = new Media();
  const files: Zippable = {};
  const faces = typefacesFor(input.info.lang);
  const count = geometry.slides.length;
  geometry.slides.forEach((slide, i) => {
    const layout = LAYOUTS.findIndex((l) => l.kind === layoutOf(slide.kind)) + 1;
    const rels: Rel[] = [{ id: 'rId1', type: 'slideLayout', target: `../slideLayouts/slideLayout${layout}.xml` }, { id: 'rId2', type: 'notesSlide', target: `../notesSlides/notesSlide${i + 1}.xml` }];
    const env = partEnv(input, media, rels, (alt) => lost(i, alt));
    const png = input.pictures?.[i];
    const tree = png ? pictureTree(slide, png, env, media, rels) : slideTree(slide, env, { number: i + 1, furniture: false });
    files[`ppt/slides/slide${i + 1}.xml`] = strToU8(slideXml(slide.background.hex, tree));
    files[`ppt/slides/_rels/slide${i + 1}.xml.rels`] = strToU8(relsXml(rels));
    files[`ppt/notesSlides/notesSlide${i + 1}.xml`] = strToU8(notesSlideXml(slide.notes, input.info.lang));
    files[`ppt/notesSlides/_rels/notesSlide${i + 1}.xml.rels`] = strToU8(relsXml([{ id: 'rId1', type: 'notesMaster', target: '../notesMasters/notesMaster1.xml' }, { id: 'rId2', type: 'slide', target: `../slides/slide${i + 1}.xml` }]));
  });
  layoutParts(input, media, files);
  const info: DocInfo = { ...input.info, slides: count, notes: geometry.slides.filter((s) => s.notes.length > 0).length };
  Object.assign(files, {
    'ppt/presentation.xml': strToU8(presentationXml({ cx: emu(geometry.width), cy: emu(geometry.height) }, count, sectionList(input), geometry.palette.text, (n) => guid(n, 7))),
    'ppt/_rels/presentation.xml.rels': strToU8(relsXml(presentationRels(count))),
    'ppt/presProps.xml': strToU8(PRES_PROPS),
    'ppt/viewProps.xml': strToU8(VIEW_PROPS),
    'ppt/tableStyles.xml': strToU8(TABLE_STYLES),
    'ppt/theme/theme1.xml': strToU8(themeXml('briefdeck', geometry.palette, faces)),
    'ppt/theme/theme2.xml': strToU8(themeXml('briefdeck notes', geometry.palette, faces)),
    'ppt/notesMasters/notesMaster1.xml': strToU8(notesMasterXml()),
    'ppt/notesMasters/_rels/notesMaster1.xml.rels': strToU8(relsXml([{ id: 'rId1', type: 'theme', target: '../theme/theme2.xml' }])),
    'docProps/core.xml': strToU8(coreXml(info)),
    'docProps/app.xml': strToU8(appXml(info, input.version)),
    '_rels/.rels': strToU8(rootRelsXml()),
  });
  for (const [name, data] of media.files) files[name] = [data, { level: 0 }];
  const parts = Object.keys(files);
  const ordered: Zippable = { '[Content_Types].xml': strToU8(contentTypesXml(parts)) };
  for (const name of parts.sort()) ordered[name] = files[name];
  return zipSync(ordered, { level: 6, mtime: ZIP_TIME });
}
