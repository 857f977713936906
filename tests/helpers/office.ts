import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { mergeFonts } from './merge-fonts.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** A WOFF 1.0 font as the TrueType/OpenType file it wraps (each table zlib-compressed, or stored). */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF font');
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const [tag, offset, compLength, origLength, checksum] = [woff.readUInt32BE(at), woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12), woff.readUInt32BE(at + 16)];
    const raw = woff.subarray(offset, offset + compLength);
    return { tag, checksum, data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw) };
  });
  const head = Buffer.alloc(12 + 16 * count);
  const power = 2 ** Math.floor(Math.log2(count));
  head.writeUInt32BE(woff.readUInt32BE(4), 0);
  head.writeUInt16BE(count, 4);
  head.writeUInt16BE(power * 16, 6);
  head.writeUInt16BE(Math.log2(power), 8);
  head.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = head.length;
  const bodies: Buffer[] = [];
  tables.forEach((t, i) => {
    head.writeUInt32BE(t.tag, 12 + i * 16);
    head.writeUInt32BE(t.checksum, 16 + i * 16);
    head.writeUInt32BE(offset, 20 + i * 16);
    head.writeUInt32BE(t.data.length, 24 + i * 16);
    const padded = Buffer.concat([t.data, Buffer.alloc((4 - (t.data.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([head, ...bodies]);
}

/** Subsets of one face merged into one file, `first` the base (see merge-fonts.ts). */
async function mergedFace(pkg: string, pick: (name: string) => boolean, first: RegExp, out: string): Promise<void> {
  const files = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files');
  const names = (await readdir(files)).filter(pick).sort((a, b) => Number(first.test(b)) - Number(first.test(a)));
  const parts = await Promise.all(names.map(async (name) => woffToSfnt(await readFile(path.join(files, name)))));
  await writeFile(out, mergeFonts(parts));
}

const PLEX_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'greek'];

/**
 * The deck's bundled fonts (the @fontsource packages) as TrueType files in `dir`, with a fontconfig
 * file that adds them to the system's: LibreOffice then renders a .pptx in the fonts it names, as
 * it would on a machine that has them installed. Each face is one file, its unicode-range subsets
 * merged: LibreOffice takes one file per face, and mixes up glyphs of same-named files in a PDF.
 */
export async function officeFonts(dir: string): Promise<string> {
  const fontDir = path.join(dir, 'fonts');
  await mkdir(fontDir, { recursive: true });
  const plex = (family: string, face: string) => (name: string): boolean => PLEX_SUBSETS.some((subset) => name === `${family}-${subset}-${face}.woff`);
  for (const face of ['400-normal', '400-italic', '600-normal', '600-italic', '700-normal', '700-italic']) {
    await mergedFace('@fontsource/ibm-plex-sans', plex('ibm-plex-sans', face), /-latin-\d/, path.join(fontDir, `ibm-plex-sans-${face}.ttf`));
  }
  for (const face of ['400-normal', '600-normal']) {
    await mergedFace('@fontsource/ibm-plex-mono', plex('ibm-plex-mono', face), /-latin-\d/, path.join(fontDir, `ibm-plex-mono-${face}.ttf`));
  }
  for (const [pkg, script] of [['noto-sans-arabic', 'arabic'], ['noto-sans-hebrew', 'hebrew'], ['noto-sans-sc', 'sc'], ['noto-sans-jp', 'jp'], ['noto-sans-kr', 'kr']]) {
    for (const weight of ['400', '700']) {
      const pick = (name: string): boolean => (script === 'arabic' || script === 'hebrew' ? name === `${pkg}-${script}-${weight}-normal.woff` : new RegExp(`^${pkg}-\\d+-${weight}-normal\\.woff$`).test(name));
      await mergedFace(`@fontsource/${pkg}`, pick, /$^/, path.join(fontDir, `${pkg}-${weight}.ttf`));
    }
  }
  const conf = path.join(dir, 'fonts.conf');
  await writeFile(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fontDir}</dir><cachedir>${path.join(dir, 'cache')}</cachedir></fontconfig>\n`);
  return conf;
}

/** Converts .pptx files to PDF with LibreOffice (one process for all), in its own profile under `dir`. */
export async function officeToPdf(files: string[], dir: string, fontsConf: string): Promise<string[]> {
  const out = path.join(dir, 'pdf');
  await mkdir(out, { recursive: true });
  const profile = `file://${path.join(dir, 'profile')}`;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...files], {
    env: { ...process.env, FONTCONFIG_FILE: fontsConf, HOME: dir },
    timeout: 600_000,
  });
  return files.map((f) => path.join(out, `${path.basename(f, '.pptx')}.pdf`));
}
