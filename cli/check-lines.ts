/**
 * Line-length check: walks src/, cli/ and e2e/ for .ts, .tsx and .css files and prints `file:line (n chars)` for
 * every line longer than 120 characters (Prettier's printWidth; Prettier itself leaves long strings, template
 * literals and comments alone). Exits 1 if there is any such line, 0 otherwise.
 *
 * Usage: `npm run lint:lines` (part of `npm test`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const maxColumns = 120;
const roots = ['src', 'cli', 'e2e'];
const extensions = ['.ts', '.tsx', '.css'];
const skipped = new Set(['node_modules', 'dist']);

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipped.has(entry.name)) yield* files(path);
    } else if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext))) yield path;
  }
}

let over = 0;
for (const root of roots)
  for (const file of files(root))
    readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .forEach((line, i) => {
        // characters, not UTF-16 code units (as grep and editors count them)
        const length = [...line].length;
        if (length > maxColumns) {
          console.log(`${file}:${i + 1} (${length} chars)`);
          over++;
        }
      });
if (over > 0) {
  console.error(`${over} line(s) over ${maxColumns} characters`);
  process.exit(1);
}
