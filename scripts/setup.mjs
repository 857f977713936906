#!/usr/bin/env node
// `npm run setup`: everything a fresh machine needs to build decks and PDFs, saying what it does.
// 1. npm install (no browser download: see .puppeteerrc.cjs)   2. npm run build: TypeScript to lib/, the CLI bundle lib/bundle/
// 3. find a Chrome/Chromium in briefdeck's documented order; if there is none, try Puppeteer's
//    download, then (as root on Debian/Ubuntu) `apt-get install -y chromium`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function say(text) {
  process.stdout.write(`[setup] ${text}\n`);
}

function sh(command, args, options = {}) {
  say(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function must(ok, what) {
  if (!ok) {
    say(`failed: ${what}`);
    process.exit(1);
  }
}

async function browser() {
  const { findBrowser } = await import(path.join(root, 'lib/browser/find-browser.js'));
  try {
    return findBrowser();
  } catch {
    return undefined;
  }
}

must(sh(npm, ['install', '--no-audit', '--no-fund']), 'npm install');
must(sh(npm, ['run', 'build', '--silent']), 'building lib/ and the CLI bundle (npm run build)');

let found = await browser();
if (found) {
  say(`browser: ${found.path} (found via ${found.source})`);
  process.exit(0);
}
say('no Chrome or Chromium found; trying Puppeteer\'s download of Chrome for Testing');
sh(process.execPath, [path.join(root, 'node_modules/puppeteer/lib/cjs/puppeteer/node/cli.js'), 'browsers', 'install', 'chrome'], {
  env: { ...process.env, BRIEFDECK_PUPPETEER_DOWNLOAD: '1' },
  timeout: 180_000,
});
found = await browser();
if (!found && process.platform === 'linux' && existsSync('/usr/bin/apt-get') && process.getuid?.() === 0) {
  say('the download did not work here; installing Debian\'s chromium with apt-get instead');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  sh('apt-get', ['update', '-qq'], { env });
  sh('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
  found = await browser();
}
if (!found) {
  say('no browser could be installed. Decks still build; for PDFs install Chrome or Chromium and set BRIEFDECK_BROWSER=PATH.');
  process.exit(1);
}
say(`browser: ${found.path} (found via ${found.source})`);
