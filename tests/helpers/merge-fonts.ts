/**
 * Merges the unicode-range subsets of one TrueType face (as @fontsource ships them) into one font,
 * so an office suite finds every glyph of the face in one file. The first font is the base: its
 * glyphs keep their ids, so its layout tables (kerning, ligatures) and hinting stay valid; glyphs
 * of the others are appended for the characters the base lacks, without their hinting.
 */
type Tables = Map<string, Buffer>;

function parseSfnt(font: Buffer): Tables {
  const tables: Tables = new Map();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = font.toString('latin1', at, at + 4);
    const offset = font.readUInt32BE(at + 8);
    tables.set(tag, font.subarray(offset, offset + font.readUInt32BE(at + 12)));
  }
  return tables;
}

function glyphsOf(t: Tables): Buffer[] {
  const count = t.get('maxp')!.readUInt16BE(4);
  const long = t.get('head')!.readInt16BE(50) === 1;
  const loca = t.get('loca')!;
  const at = (i: number): number => (long ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);
  return Array.from({ length: count }, (_, i) => t.get('glyf')!.subarray(at(i), at(i + 1)));
}

function metricsOf(t: Tables): Array<[number, number]> {
  const count = t.get('maxp')!.readUInt16BE(4);
  const long = t.get('hhea')!.readUInt16BE(34);
  const hmtx = t.get('hmtx')!;
  return Array.from({ length: count }, (_, i) => {
    const advance = hmtx.readUInt16BE(Math.min(i, long - 1) * 4);
    const lsb = i < long ? hmtx.readInt16BE(i * 4 + 2) : hmtx.readInt16BE(long * 4 + (i - long) * 2);
    return [advance, lsb];
  });
}

/** Code point → glyph id, from the Windows Unicode cmap (format 4 or 12). */
function cmapOf(t: Tables): Map<number, number> {
  const cmap = t.get('cmap')!;
  const map = new Map<number, number>();
  const subtables = Array.from({ length: cmap.readUInt16BE(2) }, (_, i) => ({ platform: cmap.readUInt16BE(4 + i * 8), encoding: cmap.readUInt16BE(6 + i * 8), offset: cmap.readUInt32BE(8 + i * 8) }));
  const pick = subtables.find((s) => s.platform === 3 && s.encoding === 10) ?? subtables.find((s) => s.platform === 3 && s.encoding === 1)!;
  const sub = cmap.subarray(pick.offset);
  if (sub.readUInt16BE(0) === 12) {
    for (let g = 0; g < sub.readUInt32BE(12); g++) {
      const [start, end, glyph] = [sub.readUInt32BE(16 + g * 12), sub.readUInt32BE(20 + g * 12), sub.readUInt32BE(24 + g * 12)];
      for (let cp = start; cp <= end; cp++) map.set(cp, glyph + cp - start);
    }
    return map;
  }
  const segs = sub.readUInt16BE(6) / 2;
  for (let s = 0; s < segs; s++) {
    const end = sub.readUInt16BE(14 + s * 2);
    const start = sub.readUInt16BE(16 + segs * 2 + s * 2);
    const delta = sub.readInt16BE(16 + segs * 4 + s * 2);
    const rangeAt = 16 + segs * 6 + s * 2;
    const range = sub.readUInt16BE(rangeAt);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      const glyph = range === 0 ? (cp + delta) & 0xffff : sub.readUInt16BE(rangeAt + range + (cp - start) * 2);
      if (glyph !== 0) map.set(cp, range === 0 ? glyph : (glyph + delta) & 0xffff);
    }
  }
  return map;
}

/** A glyph without its hinting, its components renumbered by `remap`. */
function plainGlyph(glyph: Buffer, remap: (gid: number) => number): Buffer {
  if (glyph.length === 0) return glyph;
  const contours = glyph.readInt16BE(0);
  if (contours >= 0) {
    const instrAt = 10 + contours * 2;
    const skip = glyph.readUInt16BE(instrAt);
    const out = Buffer.concat([glyph.subarray(0, instrAt), Buffer.from([0, 0]), glyph.subarray(instrAt + 2 + skip)]);
    return out;
  }
  const out = Buffer.from(glyph);
  let at = 10;
  for (;;) {
    const flags = out.readUInt16BE(at);
    out.writeUInt16BE(flags & ~0x100, at);
    out.writeUInt16BE(remap(out.readUInt16BE(at + 2)), at + 2);
    at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
    if (!(flags & 0x20)) return out.subarray(0, at);
  }
}

function componentsOf(glyph: Buffer): number[] {
  if (glyph.length === 0 || glyph.readInt16BE(0) >= 0) return [];
  const ids: number[] = [];
  let at = 10;
  for (;;) {
    const flags = glyph.readUInt16BE(at);
    ids.push(glyph.readUInt16BE(at + 2));
    at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
    if (!(flags & 0x20)) return ids;
  }
}

function cmap12(map: Map<number, number>): Buffer {
  const cps = [...map.keys()].sort((a, b) => a - b);
  const groups: Array<[number, number, number]> = [];
  for (const cp of cps) {
    const last = groups[groups.length - 1];
    if (last && cp === last[1] + 1 && map.get(cp) === last[2] + cp - last[0]) last[1] = cp;
    else groups.push([cp, cp, map.get(cp)!]);
  }
  const sub = Buffer.alloc(16 + groups.length * 12);
  sub.writeUInt16BE(12, 0);
  sub.writeUInt32BE(sub.length, 4);
  sub.writeUInt32BE(groups.length, 12);
  groups.forEach(([s, e, g], i) => {
    sub.writeUInt32BE(s, 16 + i * 12);
    sub.writeUInt32BE(e, 20 + i * 12);
    sub.writeUInt32BE(g, 24 + i * 12);
  });
  const head = Buffer.alloc(12);
  head.writeUInt16BE(1, 2);
  head.writeUInt16BE(3, 4);
  head.writeUInt16BE(10, 6);
  head.writeUInt32BE(12, 8);
  return Buffer.concat([head, sub]);
}

function writeSfnt(tables: Tables): Buffer {
  const tags = [...tables.keys()].sort();
  const head = Buffer.alloc(12 + tags.length * 16);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  head.writeUInt32BE(0x00010000, 0);
  head.writeUInt16BE(tags.length, 4);
  head.writeUInt16BE(power * 16, 6);
  head.writeUInt16BE(Math.log2(power), 8);
  head.writeUInt16BE(tags.length * 16 - power * 16, 10);
  let offset = head.length;
  const bodies = tags.map((tag, i) => {
    const data = Buffer.concat([tables.get(tag)!, Buffer.alloc((4 - (tables.get(tag)!.length % 4)) % 4)]);
    let sum = 0;
    for (let k = 0; k < data.length; k += 4) sum = (sum + data.readUInt32BE(k)) >>> 0;
    head.write(tag, 12 + i * 16, 'latin1');
    head.writeUInt32BE(sum, 16 + i * 16);
    head.writeUInt32BE(offset, 20 + i * 16);
    head.writeUInt32BE(tables.get(tag)!.length, 24 + i * 16);
    offset += data.length;
    return data;
  });
  return Buffer.concat([head, ...bodies]);
}

export function mergeFonts(fonts: Buffer[]): Buffer {
  const [base, ...rest] = fonts.map(parseSfnt);
  const glyphs = glyphsOf(base);
  const metrics = metricsOf(base);
  const cmap = cmapOf(base);
  for (const other of rest) {
    const theirs = glyphsOf(other);
    const theirMetrics = metricsOf(other);
    const mapped = new Map<number, number>();
    const add = (gid: number): number => {
      if (!mapped.has(gid)) {
        for (const c of componentsOf(theirs[gid])) add(c);
        mapped.set(gid, glyphs.length);
        glyphs.push(plainGlyph(theirs[gid], (c) => mapped.get(c)!));
        metrics.push(theirMetrics[gid]);
      }
      return mapped.get(gid)!;
    };
    for (const [cp, gid] of cmapOf(other)) if (!cmap.has(cp) && gid !== 0) cmap.set(cp, add(gid));
  }
  const padded = glyphs.map((g) => Buffer.concat([g, Buffer.alloc((4 - (g.length % 4)) % 4)]));
  const loca = Buffer.alloc((padded.length + 1) * 4);
  let at = 0;
  padded.forEach((g, i) => {
    loca.writeUInt32BE(at, i * 4);
    at += g.length;
  });
  loca.writeUInt32BE(at, padded.length * 4);
  const hmtx = Buffer.alloc(metrics.length * 4);
  metrics.forEach(([a, l], i) => {
    hmtx.writeUInt16BE(a, i * 4);
    hmtx.writeInt16BE(l, i * 4 + 2);
  });
  const head = Buffer.from(base.get('head')!);
  head.writeInt16BE(1, 50);
  head.writeUInt32BE(0, 8);
  const hhea = Buffer.from(base.get('hhea')!);
  hhea.writeUInt16BE(metrics.length, 34);
  const maxp = Buffer.from(base.get('maxp')!);
  maxp.writeUInt16BE(glyphs.length, 4);
  if (maxp.length >= 32) for (const other of rest) for (let k = 6; k < 32; k += 2) maxp.writeUInt16BE(Math.max(maxp.readUInt16BE(k), other.get('maxp')!.readUInt16BE(k)), k);
  const post = Buffer.from(base.get('post')!.subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0);
  const tables: Tables = new Map([...base].filter(([tag]) => !['hdmx', 'LTSH', 'VDMX', 'DSIG', 'vhea', 'vmtx'].includes(tag)));
  for (const [tag, data] of Object.entries({ glyf: Buffer.concat(padded), loca, hmtx, head, hhea, maxp, post, cmap: cmap12(cmap) })) tables.set(tag, data);
  return writeSfnt(tables);
}
