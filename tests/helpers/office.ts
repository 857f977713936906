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

/** IBM Plex's subsets merged into one file per face, Latin first (see merge-fonts.ts). */
const PLEX_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'greek'];

async function plexFaces(pkg: string, family: string, faces: string[], fontDir: string): Promise<void> {
  const files = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files');
  const present = new Set(await readdir(files));
  for (const face of faces) {
    const names = PLEX_SUBSETS.map((subset) => `${family}-${subset}-${face}.woff`).filter((n) => present.has(n));
    const parts = await Promise.all(names.map(async (name) => woffToSfnt(await readFile(path.join(files, name)))));
    await writeFile(path.join(fontDir, `${family}-${face}.ttf`), mergeFonts(parts));
  }
}

/**
 * The deck's bundled fonts (the @fontsource packages) as TrueType files in `dir`, with a fontconfig
 * file that adds them to the system's: LibreOffice then renders a .pptx in the fonts it names, as
 * it would on a machine that has them installed. Each IBM Plex face is one file (its subsets
 * merged: a second file of the same face would hide the first); the Noto faces keep their subsets.
 */
export async function officeFonts(dir: string): Promise<string> {
  const fontDir = path.join(dir, 'fonts');
  await mkdir(fontDir, { recursive: true });
  await plexFaces('@fontsource/ibm-plex-sans', 'ibm-plex-sans', ['400-normal', '400-italic', '600-normal', '600-italic', '700-normal', '700-italic'], fontDir);
  await plexFaces('@fontsource/ibm-plex-mono', 'ibm-plex-mono', ['400-normal', '600-normal'], fontDir);
  const sets: Array<[string, RegExp]> = [
    ['@fontsource/noto-sans-arabic', /-arabic-(400|700)-normal\.woff$/],
    ['@fontsource/noto-sans-hebrew', /-hebrew-(400|700)-normal\.woff$/],
    ['@fontsource/noto-sans-sc', /-(400|700)-normal\.woff$/],
    ['@fontsource/noto-sans-jp', /-(400|700)-normal\.woff$/],
  ];
  for (const [pkg, keep] of sets) {
    const files = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files');
    for (const name of (await readdir(files)).filter((f) => keep.test(f))) {
      await writeFile(path.join(fontDir, name.replace(/\.woff$/, '.ttf')), woffToSfnt(await readFile(path.join(files, name))));
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
