import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: templates/ sits beside lib/ (compiled) and src/ (tests). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
