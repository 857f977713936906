import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Set by the CLI bundle (scripts/build/bundle.mjs): its modules sit in lib/bundle/, one folder deeper than lib/'s. */
declare const BRIEFDECK_BUNDLE_DEPTH: number | undefined;
const DEPTH = typeof BRIEFDECK_BUNDLE_DEPTH === 'number' ? BRIEFDECK_BUNDLE_DEPTH : 1;

/** The package root: templates/ sits beside lib/ (compiled) and src/ (tests); lib/bundle/ is the CLI bundle. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), ...Array<string>(DEPTH).fill('..'));
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
