import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, realpath, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliHost } from '../helpers/cli-host.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

/**
 * A brief folder from someone else, tried as an attacker would: every file it names (theme, logo,
 * include, image, templates and their partials, the config and what it names) by absolute path,
 * `../..`, symlinks out (to /etc/passwd, /proc/self/environ, /dev/zero), a FIFO, a folder and an
 * oversize file; UTF-16 files; names that would write outside `--out/NAME/`; terminal escapes.
 * Each case runs the CLI in a fresh folder (in a CLI host: a process of its own, in that folder, with
 * the secret in its environment) and asserts its exact outcome, and that nothing secret reached any output.
 */

/** In every file outside the brief's folder. */
const SECRET = `SECRET-${randomUUID()}`;
/** In the CLI's environment, so in /proc/self/environ. */
const ENV_SECRET = `ENVSECRET-${randomUUID()}`;
const PASSWD = readFileSync('/etc/passwd', 'utf8').split('\n')[0];
const PNG = readFileSync(fixture('chart.png'));
const SECRET_PNG = Buffer.concat([PNG, Buffer.from(SECRET)]);
const MB = 2 ** 20;

interface Paths {
  /** The temporary folder (resolved), holding outside/ and brief/. */
  base: string;
  /** The brief's folder, resolved: the CLI runs here. */
  root: string;
  /** Files the brief must not reach. */
  outside: string;
}

/** What a case expects: the exit code, stderr (exact; `<PID>` matches a number), and whether the deck was built. */
interface Outcome {
  code: number;
  err: string;
  built: boolean;
  /** The case reads a secret on purpose (a trusted command-line path): skip the leak check. */
  trusted?: boolean;
}

interface Attack {
  what: string;
  setup: (t: Paths) => Promise<void>;
  argv?: (t: Paths) => string[];
  expect: (t: Paths) => Outcome;
}

const cleanups: Array<() => Promise<void>> = [];
const host = new CliHost({ BRIEFDECK_TEST_SECRET: ENV_SECRET });
afterAll(async () => {
  await host.close();
  for (const remove of cleanups) await remove();
});

async function folder(): Promise<Paths> {
  const temp = await tempDir();
  cleanups.push(temp.remove);
  const base = await realpath(temp.dir);
  const outside = path.join(base, 'outside');
  await mkdir(path.join(outside, 'tpl', 'partials'), { recursive: true });
  await mkdir(path.join(base, 'brief'));
  for (const ext of ['txt', 'css', 'md', 'hbs', 'yaml']) await writeFile(path.join(outside, `secret.${ext}`), `${SECRET}\n`);
  await writeFile(path.join(outside, 'secret.css'), `.briefdeck { --leak: "${SECRET}"; }\n`);
  await writeFile(path.join(outside, 'secret.svg'), `<svg xmlns="http://www.w3.org/2000/svg"><text>${SECRET}</text></svg>\n`);
  await writeFile(path.join(outside, 'secret.png'), SECRET_PNG);
  await writeFile(path.join(outside, 'tpl', 'partials', 'footer.hbs'), `<footer>${SECRET}</footer>\n`);
  return { base, root: path.join(base, 'brief'), outside };
}

const at = (t: Paths, name: string): string => path.join(t.root, name);
const link = (t: Paths, name: string, target: string) => symlink(target, at(t, name));
const fifo = (t: Paths, name: string) => execFileSync('mkfifo', [at(t, name)]);
const big = async (t: Paths, name: string, bytes: number) => {
  await writeFile(at(t, name), '');
  await truncate(at(t, name), bytes);
};

/** `x.md` with `front` as its third line (a front-matter key at 3:1) and `body` at line 9. */
function brief(t: Paths, { front = '', body = '', name = 'x.md' }: { front?: string; body?: string; name?: string }): Promise<void> {
  const text = front ? `---\ntitle: Hostile\n${front}\n---\n\n## One\n\nText.\n` : `---\ntitle: Hostile\n---\n\n## One\n\nText.\n\n${body}\n`;
  return writeFile(at(t, name), text);
}

const config = (t: Paths, text: string) => writeFile(at(t, 'briefdeck.config.yaml'), text);

/** One way of naming a file that must not be read; `make` creates it in the brief's folder. */
interface Vector {
  name: string;
  value: (t: Paths) => string;
  make?: (t: Paths, value: string) => Promise<void> | void;
  /** The reason readConfined gives; `folder` is how the rule names the root ("the brief's folder"). */
  reason: (t: Paths, folder: string, root: string) => string;
  /** The file is outside the root (an error for every kind), or in it but unusable (a warning for images and logos). */
  outside: boolean;
}

function vectors(ext: string, oversize: number, limit: string): Vector[] {
  const outsideOf = (root: string, folderName: string) => `it is outside ${folderName} (${root})`;
  const linksTo = (target: string) => (_t: Paths, folderName: string, root: string) => `it links to ${target}, outside ${folderName} (${root})`;
  return [
    { name: 'an absolute path', value: (t) => path.join(t.outside, `secret.${ext}`), reason: (_t, f, r) => outsideOf(r, f), outside: true },
    { name: 'a ../.. path', value: () => `../outside/secret.${ext}`, reason: (_t, f, r) => outsideOf(r, f), outside: true },
    { name: 'a symlink to a file outside', value: () => `out.${ext}`, make: (t, v) => link(t, v, path.join(t.outside, `secret.${ext}`)), reason: (t, f, r) => linksTo(path.join(t.outside, `secret.${ext}`))(t, f, r), outside: true },
    { name: 'a symlink to /etc/passwd', value: () => `passwd.${ext}`, make: (t, v) => link(t, v, '/etc/passwd'), reason: linksTo('/etc/passwd'), outside: true },
    { name: 'a symlink to /proc/self/environ', value: () => `environ.${ext}`, make: (t, v) => link(t, v, '/proc/self/environ'), reason: linksTo('/proc/<PID>/environ'), outside: true },
    { name: 'a symlink to /dev/zero', value: () => `zero.${ext}`, make: (t, v) => link(t, v, '/dev/zero'), reason: linksTo('/dev/zero'), outside: true },
    { name: 'a FIFO', value: () => `pipe.${ext}`, make: (t, v) => fifo(t, v), reason: () => 'it is not a regular file (a device, pipe or socket)', outside: false },
    { name: 'a folder', value: () => `dir.${ext}`, make: (t, v) => mkdir(at(t, v)), reason: () => 'it is a folder, not a file', outside: false },
    { name: 'an oversize file', value: () => `big.${ext}`, make: (t, v) => big(t, v, oversize), reason: () => `it is larger than ${limit}`, outside: false },
  ];
}

const BRIEF_FOLDER = "the brief's folder";
const CONFIG_FOLDER = "the config's folder";
const built = (err: string): Outcome => ({ code: 0, err, built: true });
const refused = (err: string): Outcome => ({ code: 1, err, built: false });
/** A defect the deck's reader would see (a placeholder for a picture): the deck is written, the run fails. */
const defective = (err: string): Outcome => ({ code: 1, err, built: true });

const themeAttacks: Attack[] = vectors('css', 3 * MB, '2 MB (3 MB)').map((v) => ({
  what: `theme: ${v.name}`,
  setup: async (t) => {
    await v.make?.(t, v.value(t));
    await brief(t, { front: `theme: ${v.value(t)}` });
  },
  expect: (t) => refused(`x.md:3:1: cannot use the theme ${v.value(t)}: ${v.reason(t, BRIEF_FOLDER, t.root)}\n`),
}));

function logoOutcome(t: Paths, v: Vector, where: string, folderName: string): Outcome {
  const message = `cannot use the logo ${v.value(t)}: ${v.reason(t, folderName, t.root)}`;
  if (v.outside) return refused(`${where}: ${message}\n`);
  const code = v.name === 'an oversize file' ? 'logo-too-large' : 'logo-not-file';
  return built(`${where} warning ${code} ${message}; the deck has none\n`);
}

const logoAttacks: Attack[] = [
  ...vectors('svg', 6 * MB, '5 MB (6 MB)'),
  { name: '/dev/zero', value: () => '/dev/zero', reason: (_t, f, r) => `it is outside ${f} (${r})`, outside: true } satisfies Vector,
].map((v) => ({
  what: `logo: ${v.name}`,
  setup: async (t) => {
    await v.make?.(t, v.value(t));
    await brief(t, { front: `logo: ${v.value(t)}` });
  },
  expect: (t) => logoOutcome(t, v, 'x.md:3:1', BRIEF_FOLDER),
}));

const includeAttacks: Attack[] = vectors('md', 11 * MB, '10 MB').map((v) => ({
  what: `include: ${v.name}`,
  setup: async (t) => {
    await v.make?.(t, v.value(t));
    await brief(t, { body: `<!-- include: ${v.value(t)} -->` });
  },
  expect: (t) => {
    const value = v.value(t);
    if (path.isAbsolute(value)) return refused(`x.md:9: cannot include ${value}: absolute paths are refused; give the path relative to this file\n`);
    if (v.name === 'an oversize file') return refused(`x.md:9: cannot include ${value}: the brief and its includes would pass the 10 MB limit of a brief\n`);
    return refused(`x.md:9: cannot include ${value}: ${v.reason(t, BRIEF_FOLDER, t.root)}\n`);
  },
}));

const imageAttacks: Attack[] = vectors('png', 21 * MB, '20 MB (21 MB)').map((v) => ({
  what: `image: ${v.name}`,
  setup: async (t) => {
    await v.make?.(t, v.value(t));
    await brief(t, { body: `![pic](${v.value(t)})` });
  },
  expect: (t) => {
    const message = `cannot use the image ${v.value(t)}: ${v.reason(t, BRIEF_FOLDER, t.root)}`;
    if (v.outside) return refused(`x.md:9: ${message}; copy it next to the brief\n`);
    const code = v.name === 'an oversize file' ? 'image-too-large' : 'image-not-file';
    return defective(`x.md:9 error ${code} ${message}; the slide shows a placeholder\n`);
  },
}));

/** Files a found config names: confined to the config's folder. */
const configNamedAttacks: Attack[] = [
  ...vectors('css', 3 * MB, '2 MB (3 MB)').map((v) => ({
    what: `config theme: ${v.name}`,
    setup: async (t: Paths) => {
      await v.make?.(t, v.value(t));
      await config(t, `theme: ${v.value(t)}\n`);
      await brief(t, { body: 'More.' });
    },
    expect: (t: Paths) => refused(`briefdeck.config.yaml:1:1: cannot use the theme ${v.value(t)}: ${v.reason(t, CONFIG_FOLDER, t.root)}\n`),
  })),
  ...vectors('svg', 6 * MB, '5 MB (6 MB)').map((v) => ({
    what: `config logo: ${v.name}`,
    setup: async (t: Paths) => {
      await v.make?.(t, v.value(t));
      await config(t, `logo: ${v.value(t)}\n`);
      await brief(t, { body: 'More.' });
    },
    expect: (t: Paths) => logoOutcome(t, v, 'briefdeck.config.yaml:1:1', CONFIG_FOLDER),
  })),
];

const partial = (t: Paths) => path.join(t.root, 'tpl', 'partials', 'footer.hbs');

/** `templates:` in a config found beside the brief: the folder in the config's folder, its files in the folder, no script. */
const templateAttacks: Attack[] = [
  ...[
    { name: 'an absolute path', value: (t: Paths) => path.join(t.outside, 'tpl'), reason: (t: Paths) => `it is outside ${CONFIG_FOLDER} (${t.root})` },
    { name: 'a ../.. path', value: () => '../outside/tpl', reason: (t: Paths) => `it is outside ${CONFIG_FOLDER} (${t.root})` },
    { name: 'a symlink out', value: () => 'linked', reason: (t: Paths) => `it links to ${path.join(t.outside, 'tpl')}, outside ${CONFIG_FOLDER} (${t.root})` },
  ].map((v) => ({
    what: `config templates folder: ${v.name}`,
    setup: async (t: Paths) => {
      await link(t, 'linked', path.join(t.outside, 'tpl'));
      await config(t, `templates: ${v.value(t)}\n`);
      await brief(t, { body: 'More.' });
    },
    expect: (t: Paths) => refused(`briefdeck.config.yaml:1:1: cannot use the templates folder ${v.value(t)}: ${v.reason(t)}\n`),
  })),
  ...vectors('hbs', 2 * MB, '1 MB (2 MB)')
    .filter((v) => !['an absolute path', 'a ../.. path'].includes(v.name))
    .map((v) => ({
      what: `config templates partial: ${v.name}`,
      setup: async (t: Paths) => {
        await mkdir(path.join(t.root, 'tpl', 'partials'), { recursive: true });
        await v.make?.(t, path.join('tpl', 'partials', 'footer.hbs'));
        await config(t, 'templates: tpl\n');
        await brief(t, { body: 'More.' });
      },
      expect: (t: Paths) => refused(`briefdeck.config.yaml:1:1: cannot use the template partials/footer.hbs in tpl: ${v.reason(t, 'the templates folder', path.join(t.root, 'tpl'))}\n`),
    })),
  {
    what: 'config templates: deck.hbs a symlink to /etc/passwd',
    setup: async (t: Paths) => {
      await mkdir(path.join(t.root, 'tpl'));
      await symlink('/etc/passwd', path.join(t.root, 'tpl', 'deck.hbs'));
      await config(t, 'templates: tpl\n');
      await brief(t, { body: 'More.' });
    },
    expect: (t: Paths) => refused(`briefdeck.config.yaml:1:1: cannot use the template deck.hbs in tpl: it links to /etc/passwd, outside the templates folder (${path.join(t.root, 'tpl')})\n`),
  },
];

const UNTRUSTED = 'is not allowed in a template from a config briefdeck found (give its folder with --templates to trust it)';

const untrustedTemplateAttacks: Attack[] = [
  ['a <script> element', '<footer>\n  <script>alert(1)</script>\n</footer>\n', '2:3', 'a <script> element'],
  ['a script built around a comment', '<footer><scr{{!-- --}}ipt>alert(1)</script></footer>\n', '1:9', 'a tag name written by {{…}}'],
  ['a tag name from the brief', '<footer><{{@root.subtitle}}>alert(1)</{{@root.subtitle}}></footer>\n', '1:9', 'a tag name written by {{…}}'],
  ['an event handler', '<footer><img src="x.png" onerror="alert(1)"></footer>\n', '1:26', 'the event handler attribute onerror'],
  ['an event handler name from the brief', '<footer><img src="x.png" {{@root.subtitle}}="alert(1)"></footer>\n', '1:26', 'an attribute name written by {{…}}'],
  ['a javascript: URL', '<footer><a href="java&#x73;cript:alert(1)">x</a></footer>\n', '1:12', 'a javascript: URL'],
  ['an <iframe>', '<footer><iframe src="data:text/html,hi"></iframe></footer>\n', '1:9', 'an <iframe> element'],
  ['an <object>', '<footer><object data="x"></object></footer>\n', '1:9', 'an <object> element'],
  ['an <embed>', '<footer><embed src="x"></footer>\n', '1:9', 'an <embed> element'],
  ['a <base>', '<footer><base href="https://example.org/"></footer>\n', '1:9', 'a <base> element'],
  ['a <meta http-equiv>', '<footer><meta http-equiv="refresh" content="0;url=https://example.org/"></footer>\n', '1:9', 'a <meta http-equiv> element'],
  ['a <link>', '<footer><link rel="stylesheet" href="https://example.org/x.css"></footer>\n', '1:9', 'a <link> element'],
  ['a <form>', '<footer><form action="https://example.org/"><input name="q"></form></footer>\n', '1:9', 'a <form> element'],
  ['a raw field that is not HTML', '<footer>{{{@root.title}}}</footer>\n', '1:9', '{{{@root.title}}} (only fields ending in Html are written unescaped)'],
  ['a raw field built by a helper', '<footer>{{{lookup @root "title"}}}</footer>\n', '1:9', '{{{lookup …}}} (only fields ending in Html are written unescaped)'],
  ['a URL from the brief', '<footer><a href="{{@root.source}}">source</a></footer>\n', '1:12', 'a URL (href) written by {{…}}'],
].map(([name, source, where, what]) => ({
  what: `found config template: ${name}`,
  setup: async (t: Paths) => {
    await mkdir(path.join(t.root, 'tpl', 'partials'), { recursive: true });
    await writeFile(partial(t), source);
    await config(t, 'templates: tpl\n');
    await brief(t, { body: 'More.' });
  },
  expect: () => refused(`tpl/partials/footer.hbs:${where}: ${what} ${UNTRUSTED}\n`),
}));

/** Paths the user gives on the command line: trusted, but still regular files within a limit. */
const trustedAttacks: Attack[] = [
  ...vectors('css', 3 * MB, '2 MB (3 MB)')
    .filter((v) => !v.outside || v.name === 'a symlink to /dev/zero')
    .map((v) => ({
      what: `--theme: ${v.name}`,
      setup: async (t: Paths) => {
        await v.make?.(t, v.value(t));
        await brief(t, { body: 'More.' });
      },
      argv: (t: Paths) => ['--theme', v.value(t)],
      expect: (t: Paths) => refused(`cannot use the theme ${v.value(t)}: ${v.name === 'a symlink to /dev/zero' ? 'it is not a regular file (a device, pipe or socket)' : v.reason(t, '', '')}\n`),
    })),
  {
    what: '--theme: a file outside the folder is trusted',
    setup: (t) => brief(t, { body: 'More.' }),
    argv: () => ['--theme', '../outside/secret.css'],
    expect: () => ({ ...built(''), trusted: true }),
  },
  {
    what: '--templates: a partial symlinked out of the folder',
    setup: async (t) => {
      await mkdir(path.join(t.root, 'tpl', 'partials'), { recursive: true });
      await symlink('/etc/passwd', partial(t));
      await brief(t, { body: 'More.' });
    },
    argv: () => ['--templates', 'tpl'],
    expect: (t) => refused(`cannot use the template partials/footer.hbs in tpl: it links to /etc/passwd, outside the templates folder (${path.join(t.root, 'tpl')})\n`),
  },
  {
    what: '--templates: a FIFO partial',
    setup: async (t) => {
      await mkdir(path.join(t.root, 'tpl', 'partials'), { recursive: true });
      execFileSync('mkfifo', [partial(t)]);
      await brief(t, { body: 'More.' });
    },
    argv: () => ['--templates', 'tpl'],
    expect: () => refused('cannot use the template partials/footer.hbs in tpl: it is not a regular file (a device, pipe or socket)\n'),
  },
  {
    what: '--templates: a partial that is a folder',
    setup: async (t) => {
      await mkdir(partial(t), { recursive: true });
      await brief(t, { body: 'More.' });
    },
    argv: () => ['--templates', 'tpl'],
    expect: () => refused('cannot use the template partials/footer.hbs in tpl: it is a folder, not a file\n'),
  },
  {
    what: '--templates: a folder the user names may hold script (trusted)',
    setup: async (t) => {
      await mkdir(path.join(t.root, 'tpl', 'partials'), { recursive: true });
      await writeFile(partial(t), '<footer><script>document.title = "trusted"</script></footer>\n');
      await brief(t, { body: 'More.' });
    },
    argv: () => ['--templates', 'tpl'],
    expect: () => built(''),
  },
];

/** The config file itself: a found one stays in its folder; any is a regular file within 1 MB. */
const configAttacks: Attack[] = [
  ...vectors('yaml', 2 * MB, '1 MB (2 MB)')
    .filter((v) => !['an absolute path', 'a ../.. path'].includes(v.name))
    .map((v) => ({
      what: `found config: ${v.name}`,
      setup: async (t: Paths) => {
        await v.make?.(t, 'briefdeck.config.yaml');
        await brief(t, { body: 'More.' });
      },
      expect: (t: Paths) => refused(`cannot read the config briefdeck.config.yaml: ${v.reason(t, 'its folder', t.root)}\n`),
    })),
  ...[
    ['/dev/zero', (t: Paths) => link(t, 'zero.yaml', '/dev/zero'), 'zero.yaml', 'it is not a regular file (a device, pipe or socket)'],
    ['a FIFO', (t: Paths) => fifo(t, 'pipe.yaml'), 'pipe.yaml', 'it is not a regular file (a device, pipe or socket)'],
    ['a folder', (t: Paths) => mkdir(at(t, 'dir.yaml')), 'dir.yaml', 'it is a folder, not a file'],
    ['an oversize file', (t: Paths) => big(t, 'big.yaml', 2 * MB), 'big.yaml', 'it is larger than 1 MB (2 MB)'],
  ].map(([name, make, file, reason]) => ({
    what: `--config: ${name as string}`,
    setup: async (t: Paths) => {
      await (make as (t: Paths) => Promise<void>)(t);
      await brief(t, { body: 'More.' });
    },
    argv: () => ['--config', file as string],
    expect: () => refused(`cannot read the config ${file as string}: ${reason as string}\n`),
  })),
];

/** UTF-16 text, LE or BE, with or without a byte-order mark. */
function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

const SAVE_UTF8 = 'the file is UTF-16; save it as UTF-8';

const encodingAttacks: Attack[] = [
  ...(
    [
      ['le', true],
      ['be', true],
      ['le', false],
      ['be', false],
    ] as const
  ).map(([order, bom]) => ({
    what: `a UTF-16 ${order.toUpperCase()} brief ${bom ? 'with' : 'without'} a BOM`,
    setup: (t: Paths) => writeFile(at(t, 'x.md'), utf16('---\ntitle: Wide\n---\n\n## One\n\nText.\n', order, bom)),
    expect: () => refused(`x.md:1: ${SAVE_UTF8}\n`),
  })),
  {
    what: 'a UTF-16 include',
    setup: async (t) => {
      await writeFile(at(t, 'part.md'), utf16('Included text.\n', 'le', true));
      await brief(t, { body: '<!-- include: part.md -->' });
    },
    expect: () => refused(`part.md:1: ${SAVE_UTF8} (it is included at x.md:9)\n`),
  },
  {
    what: 'a UTF-16 config',
    setup: async (t) => {
      await writeFile(at(t, 'briefdeck.config.yaml'), utf16('organisation: Wide\n', 'be', true));
      await brief(t, { body: 'More.' });
    },
    expect: () => refused(`briefdeck.config.yaml:1: ${SAVE_UTF8}\n`),
  },
];

function nameAttack(file: string, shown: string, name: string, why: string): Attack {
  return {
    what: `a brief named ${JSON.stringify(file)}`,
    setup: (t) => brief(t, { name: file, body: 'More.' }),
    argv: () => ['build', file, '--no-fit', '-o', 'out', '--force'],
    expect: () => refused(`${shown}:1: "${name}" cannot name the brief's output folder: ${why}; rename the file\n`),
  };
}

const nameAttacks: Attack[] = [
  nameAttack('index.html.md', 'index.html.md', 'index.html', 'it is the name of the listing of decks'),
  nameAttack('...md', '...md', '..', 'it starts with a dot'),
  nameAttack('.md', '.md', '', 'it is empty'),
  nameAttack('a\\b.md', 'a\\b.md', 'a\\b', 'it holds a path separator'),
  nameAttack('%2e%2e.md', '%2e%2e.md', '%2e%2e', 'it starts with a dot once %-escapes are decoded'),
  nameAttack('a%2Fb.md', 'a%2Fb.md', 'a%2Fb', 'it holds a path separator once %-escapes are decoded'),
  nameAttack('x\x1b[31mred.md', 'x\\x1b[31mred.md', 'x\\x1b[31mred', 'it holds a control character'),
  nameAttack('a\nb.md', 'a\\x0ab.md', 'a\\x0ab', 'it holds a control character'),
];

/** Text from a brief reaches the terminal escaped: it cannot move the cursor, retitle the window or hide a line. */
const terminalAttacks: Attack[] = [
  {
    what: 'ESC sequences in a title taken from the first heading',
    setup: (t) => writeFile(at(t, 'x.md'), '# \x1b[2J\x1b]0;pwned\x07Title\x1b[8m\n\n## One\n\nText.\n'),
    expect: () => built('x.md:1 warning no-title no `title` in front matter; using the first # heading "\\x1b[2J\\x1b]0;pwned\\x07Title\\x1b[8m"\n'),
  },
  {
    what: 'a C1 control (CSI) and a bidi override in a front-matter key',
    setup: (t) => brief(t, { front: '"\\x9b2Jkey\\u202e": 1' }),
    expect: () => built('x.md:3:1 warning meta-unknown-key unknown front-matter key `\\x9b2Jkey\\u202e`\n'),
  },
  {
    what: 'a carriage return that would overwrite the warning line',
    setup: (t) => brief(t, { front: 'date: "2026\\rx.md:3:1 all good"' }),
    expect: () => built('x.md:3:1 warning meta-date-format `date` "2026\\x0dx.md:3:1 all good" is shown as written; use YYYY-MM-DD to have it formatted\n'),
  },
  {
    what: 'a newline that would forge a line of its own',
    setup: (t) => brief(t, { front: 'date: "2026\\nx.md:1 warning forged"' }),
    expect: () => built('x.md:3:1 warning meta-date-format `date` "2026\\x0ax.md:1 warning forged" is shown as written; use YYYY-MM-DD to have it formatted\n'),
  },
];

/** Held before this work too; kept so they stay held. */
const briefAttacks: Attack[] = [
  {
    what: 'a brief that is a FIFO',
    setup: async (t) => fifo(t, 'pipe.md'),
    argv: () => ['build', 'pipe.md', '--no-fit', '-o', 'out'],
    expect: () => refused('pipe.md is not a regular file (a device, pipe or socket), not a Markdown brief\n'),
  },
  {
    what: 'a brief that is a folder',
    setup: async (t) => mkdir(at(t, 'dir.md')),
    argv: () => ['build', 'dir.md', '--no-fit', '-o', 'out'],
    expect: () => refused('briefdeck: dir.md is a folder, not a Markdown file\n'),
  },
  {
    what: 'a symlink to /etc/passwd among the briefs of a folder',
    setup: async (t) => {
      await mkdir(at(t, 'docs'));
      await symlink('/etc/passwd', at(t, 'docs/leak.md'));
      await brief(t, { name: 'docs/ok.md', body: 'More.' });
    },
    argv: () => ['build', 'docs', '--no-fit', '-o', 'out', '-q'],
    expect: () => ({ code: 0, err: '', built: false }),
  },
];

const ATTACKS: Attack[] = [
  ...themeAttacks,
  ...logoAttacks,
  ...includeAttacks,
  ...imageAttacks,
  ...configNamedAttacks,
  ...templateAttacks,
  ...untrustedTemplateAttacks,
  ...trustedAttacks,
  ...configAttacks,
  ...encodingAttacks,
  ...nameAttacks,
  ...terminalAttacks,
  ...briefAttacks,
];

/** Every regular file under `dir` (symlinks are not followed: the fixtures hold some on purpose). */
async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, entry);
    const info = await lstat(file);
    if (info.isDirectory()) found.push(...(await filesUnder(file)));
    else if (info.isFile()) found.push(file);
  }
  return found;
}

function pattern(expected: string): RegExp {
  const escaped = expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<PID>/g, '\\d+');
  return new RegExp(`^${escaped}$`);
}

describe('a hostile brief folder: every attack ends in its located error or warning, and nothing secret is written', () => {
  it.each(ATTACKS.map((a) => [a.what, a] as const))('%s', async (_what, attack) => {
    const t = await folder();
    await attack.setup(t);
    const before = new Set(await readdir(t.base));
    const argv = attack.argv ? attack.argv(t) : [];
    const full = argv[0] === 'build' ? argv : ['build', 'x.md', '--no-fit', '-o', 'out', ...argv];
    const result = await host.run(full, t.root);
    const outcome = attack.expect(t);
    expect({ code: result.code, err: result.err }).toEqual({ code: outcome.code, err: expect.stringMatching(pattern(outcome.err)) });
    // Nothing reaches the terminal raw: no C0 (but newline), DEL or C1 control character.
    expect(result.out + result.err).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    const outputs = await filesUnder(path.join(t.root, 'out'));
    if (outcome.built) expect(outputs.map((f) => path.relative(t.root, f))).toContain(path.join('out', 'x', 'index.html'));
    else if (attack.what.includes('among the briefs')) expect(outputs.map((f) => path.relative(t.root, f)).sort()).toEqual(['out/ok/.briefdeck-manifest.json', 'out/ok/index.html']);
    else expect(outputs).toEqual([]);
    // Nothing is written beside the brief's folder (a name like `...md` aims there).
    expect(new Set(await readdir(t.base))).toEqual(before);
    if (outcome.trusted) return;
    const written = [result.out, result.err, ...(await Promise.all(outputs.map((f) => readFile(f, 'latin1'))))].join('\n');
    for (const secret of [SECRET, ENV_SECRET, PASSWD, SECRET_PNG.toString('base64')]) expect(written).not.toContain(secret);
  });
});
