/**
 * A seeded property test of every input surface: random and mutated configs, links, typed
 * PDEs and weight files, a few thousand in all. Each must either be refused with the surface's
 * own readable error (ConfigError, UrlError, CustomPdeError, an Error naming the file) or be
 * accepted as something valid — checked here independently of the resolver: every option of
 * the right kind, finite and in its range, no unknown keys, JSON-clean, and stable when
 * resolved or linked again. Never any other exception.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig, type ConfigInput, type ExperimentConfig } from '../src/engine/config';
import { CustomPdeError, validateCustomSpec } from '../src/engine/custom';
import { customExamples } from '../src/engine/custom/examples';
import { decodeExperiment, encodeExperiment, UrlError } from '../src/engine/io/url';
import { encodeSafetensors } from '../src/engine/io/safetensors';
import { architectures } from '../src/engine/nets';
import { presetIds, presets } from '../src/engine/presets';
import { readImport } from '../src/engine/io/import-file';

import { accepted, refusedOrValue, rng, type Rand } from './fuzz-check';

const weird = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', ''];
const values: unknown[] = [
  NaN,
  Infinity,
  -Infinity,
  -1,
  0,
  1,
  0.5,
  2,
  7,
  33,
  1e308,
  -1e308,
  2 ** 53,
  1e-9,
  5e-9,
  1e9,
  '1',
  '0',
  '1e999',
  '-3',
  'abc',
  '',
  true,
  false,
  'true',
  'on',
  null,
  [],
  {},
  [1, 2],
  { a: 1 },
  'tanh',
  'sin',
  'soap',
  'host',
  'bogus',
  'annealing',
  'ntk',
  'rar',
  ['align'],
  ['align', 'align'],
  'align,hist',
  'constructor',
  { __proto__: null },
];

/** A random value: from the pool, or a random number of some size. */
const value = (r: Rand): unknown =>
  r.next() < 0.7 ? r.pick(values) : r.pick([r.int(2000) - 100, r.next() * 10 ** (r.int(12) - 6)]);

/** Any value as link text (JSON for objects, which may lack `toString`). */
const text = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** A config input: a preset's (or nothing), then a few random mutations of fields and options. */
function randomConfig(r: Rand): ConfigInput {
  const base = r.next() < 0.5 ? structuredClone(presets[r.pick(presetIds)].config) : {};
  const input = (r.next() < 0.3 ? structuredClone(resolveConfig(base)) : base) as Record<string, unknown>;
  const resolved = resolveConfig();
  const fields = [...Object.keys(resolved), ...weird];
  for (let m = r.int(4); m > 0; m--) {
    const f = r.pick(fields);
    const sub = resolved[f as keyof ExperimentConfig];
    if (typeof sub === 'object' && sub !== null && !Array.isArray(sub) && r.next() < 0.8) {
      const keys = [
        ...Object.keys(sub),
        ...Object.keys(architectures.pirate_net.schema),
        'solver',
        'nesterov',
        'method',
        ...weird,
      ];
      const group = (typeof input[f] === 'object' && input[f] !== null ? { ...(input[f] as object) } : {}) as Record<
        string,
        unknown
      >;
      const key = r.pick(keys);
      const near = (sub as Record<string, unknown>)[key];
      const v =
        typeof near === 'number' && r.next() < 0.5
          ? r.pick([near, near * 2, near + 1, Math.round(near / 2), -near])
          : value(r);
      Object.defineProperty(group, key, { value: v, enumerable: true, writable: true, configurable: true });
      input[f] = group;
    } else Object.defineProperty(input, f, { value: value(r), enumerable: true, writable: true, configurable: true });
  }
  return input as ConfigInput;
}

describe('fuzzing every input: never an uncaught exception, never accepted-invalid', () => {
  it('2,000 random and mutated configs', () => {
    const r = rng(15);
    let ok = 0;
    for (let i = 0; i < 2000; i++) {
      const input = randomConfig(r);
      const c = refusedOrValue(
        () => resolveConfig(input),
        (e) => e instanceof ConfigError,
        input,
      );
      if (!c) continue;
      ok++;
      expect(accepted(c), JSON.stringify(input)).toEqual([]);
      expect(resolveConfig(structuredClone(c) as ConfigInput)).toEqual(c);
    }
    expect(ok).toBeGreaterThan(200); // the generator reaches valid configs too, not only refusals
  });

  it('1,500 mutated links', () => {
    const r = rng(16);
    const junk = [
      '&',
      '=',
      '.',
      '%',
      '%zz',
      '#',
      '?',
      '[',
      '{',
      '"',
      ',',
      'constructor',
      '__proto__',
      'compare.',
      'v=2',
      '1e999',
      'NaN',
    ];
    let ok = 0;
    for (let i = 0; i < 1500; i++) {
      const config =
        refusedOrValue(
          () => resolveConfig(randomConfig(r)),
          () => true,
          null,
        ) ?? resolveConfig();
      let hash = encodeExperiment({
        config: config as ConfigInput,
        compare: r.next() < 0.4 ? { seed: r.int(3) } : null,
      });
      for (let m = r.int(4); m > 0; m--) {
        const at = r.int(hash.length + 1);
        const op = r.int(3);
        hash =
          op === 0
            ? hash.slice(0, at) + hash.slice(at + 1 + r.int(8))
            : op === 1
              ? hash.slice(0, at) + r.pick(junk) + hash.slice(at)
              : `${hash}&${r.pick(Object.keys(config))}.${r.pick(weird)}=${text(value(r))}`;
      }
      const d = refusedOrValue(
        () => decodeExperiment(hash, resolveConfig),
        (e) => e instanceof UrlError,
        hash,
      );
      if (!d) continue;
      ok++;
      expect(accepted(d.config), hash).toEqual([]);
      if (d.compareConfig) expect(accepted(d.compareConfig), hash).toEqual([]);
      const again = decodeExperiment(
        encodeExperiment({ config: d.config as ConfigInput, compare: d.compare }),
        resolveConfig,
      )!;
      expect(again.config).toEqual(d.config);
      expect(again.compareConfig).toEqual(d.compareConfig);
    }
    expect(ok).toBeGreaterThan(100);
  });

  it('1,500 random typed-PDE expressions', () => {
    const r = rng(17);
    const tokens = [
      'u',
      'u_x',
      'u_xx',
      'u_t',
      'u_xxxxx',
      'x',
      't',
      'nu',
      'pi',
      'e',
      'constructor',
      'toString',
      '(',
      ')',
      '+',
      '-',
      '*',
      '/',
      '^',
      'sin(',
      'log(',
      'sqrt(',
      'exp(',
      '1',
      '0',
      '1e999',
      '2',
      ' ',
      ',',
      '**',
      'v',
    ];
    let ok = 0;
    for (let i = 0; i < 1500; i++) {
      const expr = Array.from({ length: 1 + r.int(24) }, () => r.pick(tokens)).join('');
      const key = r.pick(['residual', 'ic', 'residual']);
      const spec = { ...customExamples.burgers, [key]: key === 'residual' ? `u_t + ${expr}` : expr };
      const s = refusedOrValue(
        () => validateCustomSpec(spec),
        (e) => e instanceof CustomPdeError,
        spec,
      );
      if (!s) continue;
      ok++;
      // accepted: it builds and resolves as a config without any other error
      refusedOrValue(
        () => resolveConfig({ pde: 'custom', custom: s }),
        (e) => e instanceof ConfigError,
        s,
      );
    }
    expect(ok).toBeGreaterThan(20);
  });

  it('800 mutated weight files', () => {
    const r = rng(18);
    let ok = 0;
    for (let i = 0; i < 800; i++) {
      const tensors = Array.from({ length: 1 + r.int(4) }, (_, k) => {
        const shape = [1 + r.int(4), 1 + r.int(3)];
        return {
          name: `layer${k}.weight`,
          shape,
          data: Float32Array.from({ length: shape[0] * shape[1] }, () => r.next()),
        };
      });
      let bytes: Uint8Array = encodeSafetensors(tensors, { step: '1' });
      const name = r.next() < 0.7 ? 'w.safetensors' : 'w.json';
      if (name === 'w.json') {
        const list = tensors.map((t) => ({
          name: r.next() < 0.1 ? 'layer0.weight' : t.name,
          shape: t.shape,
          data: Array.from(t.data),
        }));
        let text = JSON.stringify(r.next() < 0.5 ? list : { tensors: list });
        for (let m = r.int(3); m > 0; m--) {
          const at = r.int(text.length);
          text = text.slice(0, at) + r.pick(['null', '-1', '"', ']', '1e999', '']) + text.slice(at + 1);
        }
        bytes = new TextEncoder().encode(text);
      } else {
        for (let m = 1 + r.int(4); m > 0; m--) {
          const op = r.int(4);
          if (op === 0) bytes[r.int(Math.min(bytes.length, 120))] = r.int(256);
          else if (op === 1) bytes = bytes.slice(0, r.int(bytes.length));
          else if (op === 2) new DataView(bytes.buffer, bytes.byteOffset).setBigUint64(0, BigInt(r.int(400)), true);
          else bytes = Uint8Array.from([...bytes, ...Array.from({ length: 1 + r.int(16) }, () => r.int(256))]);
          if (bytes.length < 8) break;
        }
      }
      const got = refusedOrValue(
        () => readImport(name, bytes),
        (e) => e instanceof Error && e.message.startsWith(name),
        name,
      );
      if (!got || got.kind !== 'weights') continue;
      ok++;
      const total = got.tensors.reduce((s, t) => s + 4 * t.data.length, 0);
      expect(total).toBeLessThanOrEqual(bytes.length);
      expect(new Set(got.tensors.map((t) => t.name)).size).toBe(got.tensors.length);
      for (const t of got.tensors) expect(t.shape.reduce((a, b) => a * b, 1)).toBe(t.data.length);
    }
    expect(ok).toBeGreaterThan(50);
  });
});
