import { esc, NS, PML_NS, solidFill, XML_HEAD } from './ooxml.js';

/** Content types of the parts written, by extension (media) and by part name. */
export function contentTypesXml(parts: string[]): string {
  const main = 'application/vnd.openxmlformats-officedocument.presentationml';
  const byDir: Array<[RegExp, string]> = [
    [/^ppt\/presentation\.xml$/, `${main}.presentation.main+xml`],
    [/^ppt\/slides\/slide\d+\.xml$/, `${main}.slide+xml`],
    [/^ppt\/slideLayouts\/slideLayout\d+\.xml$/, `${main}.slideLayout+xml`],
    [/^ppt\/slideMasters\/slideMaster\d+\.xml$/, `${main}.slideMaster+xml`],
    [/^ppt\/notesMasters\/notesMaster\d+\.xml$/, `${main}.notesMaster+xml`],
    [/^ppt\/notesSlides\/notesSlide\d+\.xml$/, `${main}.notesSlide+xml`],
    [/^ppt\/theme\/theme\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.theme+xml'],
    [/^ppt\/presProps\.xml$/, `${main}.presProps+xml`],
    [/^ppt\/viewProps\.xml$/, `${main}.viewProps+xml`],
    [/^ppt\/tableStyles\.xml$/, `${main}.tableStyles+xml`],
    [/^docProps\/core\.xml$/, 'application/vnd.openxmlformats-package.core-properties+xml'],
    [/^docProps\/app\.xml$/, 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ];
  const overrides = parts.flatMap((part) => {
    const type = byDir.find(([re]) => re.test(part))?.[1];
    return type ? [`<Override PartName="/${part}" ContentType="${type}"/>`] : [];
  });
  const defaults = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>', '<Default Extension="xml" ContentType="application/xml"/>', '<Default Extension="png" ContentType="image/png"/>', '<Default Extension="jpeg" ContentType="image/jpeg"/>', '<Default Extension="gif" ContentType="image/gif"/>'];
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.join('')}${overrides.join('')}</Types>`;
}

export function rootRelsXml(): string {
  return `${XML_HEAD}<Relationships xmlns="${NS.rel}"><Relationship Id="rId1" Type="${NS.officeRel}/officeDocument" Target="ppt/presentation.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${NS.officeRel}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
}

export interface DocInfo {
  title: string;
  subject?: string;
  authors: string;
  keywords: string[];
  lang: string;
  slides: number;
  notes: number;
}

export function coreXml(info: DocInfo): string {
  const kw = info.keywords.length > 0 ? `<cp:keywords>${esc(info.keywords.join(', '))}</cp:keywords>` : '';
  const subject = info.subject ? `<dc:subject>${esc(info.subject)}</dc:subject>` : '';
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(info.title)}</dc:title>${subject}<dc:creator>${esc(info.authors)}</dc:creator>${kw}<dc:language>${esc(info.lang)}</dc:language></cp:coreProperties>`;
}

export function appXml(info: DocInfo, version: string): string {
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>briefdeck ${esc(version)}</Application><PresentationFormat>Custom</PresentationFormat><Slides>${info.slides}</Slides><Notes>${info.notes}</Notes></Properties>`;
}

export const PRES_PROPS = `${XML_HEAD}<p:presentationPr ${PML_NS}/>`;
export const VIEW_PROPS = `${XML_HEAD}<p:viewPr ${PML_NS}><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="80000"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>`;
export const TABLE_STYLES = `${XML_HEAD}<a:tblStyleLst xmlns:a="${NS.a}" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`;

/** Level 1–9 paragraph defaults naming the theme fonts, in `colour`. */
export function levelStyles(colour: string, size: number): string {
  const levels = Array.from({ length: 9 }, (_, i) => `<a:lvl${i + 1}pPr marL="0" indent="0" algn="l" rtl="0"><a:buNone/><a:defRPr sz="${size}" kern="1200">${solidFill(colour)}<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl${i + 1}pPr>`);
  return levels.join('');
}

export interface SectionRef {
  name: string;
  slideIds: number[];
}

function sectionsXml(sections: SectionRef[], guid: (n: number) => string): string {
  if (sections.length === 0) return '';
  const list = sections.map((s, i) => `<p14:section name="${esc(s.name)}" id="${guid(i)}"><p14:sldIdLst>${s.slideIds.map((id) => `<p14:sldId id="${id}"/>`).join('')}</p14:sldIdLst></p14:section>`).join('');
  return `<p:extLst><p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"><p14:sectionLst xmlns:p14="${NS.p14}">${list}</p14:sectionLst></p:ext></p:extLst>`;
}

/** presentation.xml: rIds are the master (rId1), the notes master (rId2), then slide N (rId{N+2}). */
export function presentationXml(size: { cx: number; cy: number }, slides: number, sections: SectionRef[], text: string, guid: (n: number) => string): string {
  const ids = Array.from({ length: slides }, (_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 3}"/>`).join('');
  return `${XML_HEAD}<p:presentation ${PML_NS} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>${ids}</p:sldIdLst><p:sldSz cx="${size.cx}" cy="${size.cy}"/><p:notesSz cx="6858000" cy="9144000"/><p:defaultTextStyle>${levelStyles(text, 1800)}</p:defaultTextStyle>${sectionsXml(sections, guid)}</p:presentation>`;
}

export function presentationRels(slides: number): Array<{ id: string; type: string; target: string }> {
  const rels = [
    { id: 'rId1', type: 'slideMaster', target: 'slideMasters/slideMaster1.xml' },
    { id: 'rId2', type: 'notesMaster', target: 'notesMasters/notesMaster1.xml' },
    ...Array.from({ length: slides }, (_, i) => ({ id: `rId${i + 3}`, type: 'slide', target: `slides/slide${i + 1}.xml` })),
  ];
  const n = slides + 3;
  return [...rels, { id: `rId${n}`, type: 'presProps', target: 'presProps.xml' }, { id: `rId${n + 1}`, type: 'viewProps', target: 'viewProps.xml' }, { id: `rId${n + 2}`, type: 'theme', target: 'theme/theme1.xml' }, { id: `rId${n + 3}`, type: 'tableStyles', target: 'tableStyles.xml' }];
}

const CLR_MAP = 'bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"';

/** The master: background, title and body placeholders, text styles in the theme's fonts; one layout per slide frame. */
export function masterXml(background: string, text: string, titleColour: string, tree: string, layouts: number): string {
  const ids = Array.from({ length: layouts }, (_, i) => `<p:sldLayoutId id="${2147483649 + i}" r:id="rId${i + 1}"/>`).join('');
  const styles = `<p:txStyles><p:titleStyle>${levelStyles(titleColour, 2850)}</p:titleStyle><p:bodyStyle>${levelStyles(text, 2100)}</p:bodyStyle><p:otherStyle>${levelStyles(text, 1800)}</p:otherStyle></p:txStyles>`;
  return `${XML_HEAD}<p:sldMaster ${PML_NS}><p:cSld><p:bg><p:bgPr>${solidFill(background)}<a:effectLst/></p:bgPr></p:bg>${tree}</p:cSld><p:clrMap ${CLR_MAP}/><p:sldLayoutIdLst>${ids}</p:sldLayoutIdLst>${styles}</p:sldMaster>`;
}

export function layoutXml(name: string, type: string, background: string, tree: string): string {
  return `${XML_HEAD}<p:sldLayout ${PML_NS} type="${type}" preserve="1"><p:cSld name="${esc(name)}"><p:bg><p:bgPr>${solidFill(background)}<a:effectLst/></p:bgPr></p:bg>${tree}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`;
}

export function slideXml(background: string, tree: string): string {
  return `${XML_HEAD}<p:sld ${PML_NS}><p:cSld><p:bg><p:bgPr>${solidFill(background)}<a:effectLst/></p:bgPr></p:bg>${tree}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`;
}

const NOTES_TREE_HEAD = '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>';
const SLIDE_IMAGE = (xfrm: string): string => `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr>${xfrm}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr></p:sp>`;

export function notesMasterXml(): string {
  const image = SLIDE_IMAGE('<a:xfrm><a:off x="381000" y="685800"/><a:ext cx="6096000" cy="3429000"/></a:xfrm>');
  const body = '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" sz="quarter" idx="3"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="685800" y="4343400"/><a:ext cx="5486400" cy="4114800"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr dirty="0"/></a:p></p:txBody></p:sp>';
  const style = `<p:notesStyle>${levelStyles('1C2430', 1200)}</p:notesStyle>`;
  return `${XML_HEAD}<p:notesMaster ${PML_NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>${NOTES_TREE_HEAD}${image}${body}</p:spTree></p:cSld><p:clrMap ${CLR_MAP}/>${style}</p:notesMaster>`;
}

/** A slide's notes page: its picture and the full notes, a paragraph each. */
export function notesSlideXml(paragraphs: string[], lang: string): string {
  const paras = paragraphs.length > 0 ? paragraphs.map((p) => `<a:p><a:r><a:rPr lang="${esc(lang)}" dirty="0"/><a:t>${esc(p)}</a:t></a:r></a:p>`).join('') : '<a:p><a:endParaRPr dirty="0"/></a:p>';
  const body = `<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>${paras}</p:txBody></p:sp>`;
  return `${XML_HEAD}<p:notes ${PML_NS}><p:cSld>${NOTES_TREE_HEAD}${SLIDE_IMAGE('')}${body}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`;
}
