import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runtime imports of a module (not `import type` / `export type`), as written. */
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm))
    if (!m[1]) out.push(m[2]);
  return out;
}

/** The file a relative specifier names (.ts, .tsx or an index), or null for other assets. */
function fileOf(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  return (
    [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => /\.tsx?$/.test(f) && existsSync(f)) ?? null
  );
}

describe('the UI bundle', () => {
  it('imports no tfjs: the main thread reaches only pure modules (tfjs lives in the worker chunk)', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) {
          packages.add(spec);
          continue;
        }
        const next = fileOf(file, spec);
        if (next) visit(next);
      }
    };
    visit(resolve(__dirname, '../main.tsx'));
    expect(seen.has(resolve(__dirname, 'controls/draftCheck.ts'))).toBe(true);
    expect([...packages].filter((p) => p.startsWith('@tensorflow'))).toEqual([]);
    // imported files are parsed in the worker: the page has the size limit, not the parsers
    expect(seen.has(resolve(__dirname, '../engine/io/import-limit.ts'))).toBe(true);
    expect(seen.has(resolve(__dirname, '../engine/io/import-file.ts'))).toBe(false);
  });
});
