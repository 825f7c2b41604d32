/**
 * The generated PyTorch package against the engine, in real Python (/usr/bin/python3 with
 * torch; skipped with a message when torch is not importable — CI installs python3-torch):
 * every architecture × {burgers, helmholtz, allen_cahn, ldc} is exported, `train.py --check`
 * must reproduce the engine's predictions (1e-5 of max |u|) and per-term losses (1e-4), and
 * 20 PyTorch steps must lower the loss on the fixed batch; the weights PyTorch saves load back
 * into the engine with the relative L2 error PyTorch measured; torchrun runs 2 processes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig, type ConfigInput } from '../config';
import { decodeSafetensors } from '../io/safetensors';
import { trainFor } from '../loop';
import { Trainer } from '../trainer';
import { exportBundle } from './bundle';

const PYTHON = '/usr/bin/python3';
const torchOk = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
if (!torchOk)
  console.warn(
    `skipping the PyTorch export tests: ${PYTHON} cannot import torch ` +
      '(apt-get install python3-torch libopenblas0-pthread)',
  );

const archs: [string, ConfigInput['archOptions']][] = [
  ['mlp', { depth: 2, width: 16, fourierSize: 8, rwf: true }],
  ['modified_mlp', { depth: 2, width: 16, standardize: true }],
  ['pirate_net', { blocks: 1, width: 16 }],
];
const pdes = ['burgers', 'helmholtz', 'allen_cahn', 'ldc'];
const root = mkdtempSync(join(tmpdir(), 'pinn-export-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Train a few engine steps and write the export to `dir`. */
async function exportTo(dir: string, input: ConfigInput): Promise<void> {
  const t = new Trainer(resolveConfig({ batch: 64, lr: 1e-3, logEvery: 5, ...input }));
  await trainFor(t, 5);
  for (const f of await exportBundle(t, [], { state: true })) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.data);
  }
  t.dispose();
}

/** One Python process runs `train.py` (main) with each argv in turn; one JSON result per run. */
const DRIVER = String.raw`
import contextlib, io, json, sys
sys.path.insert(0, sys.argv[1])
import train
for line in sys.stdin:
    argv = json.loads(line)
    sys.argv = ["train.py"] + argv
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = train.main()
        except SystemExit as e:
            rc = e.code
    print(json.dumps({"argv": argv, "rc": rc, "out": out.getvalue(), "err": err.getvalue()}), flush=True)
`;

interface Run {
  argv: string[];
  rc: number;
  out: string;
  err: string;
}
const lastJson = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!);

describe.skipIf(!torchOk)('PyTorch package', () => {
  it(
    'reproduces every architecture × {burgers, helmholtz, allen_cahn, ldc} and trains 20 steps',
    { timeout: 600_000 },
    async () => {
      const dirs: string[] = [];
      for (const [arch, archOptions] of archs) {
        for (const pde of pdes) {
          const dir = join(root, `${pde}-${arch}`);
          await exportTo(dir, { pde, arch, archOptions } as ConfigInput);
          dirs.push(dir);
        }
      }
      const jobs = dirs.flatMap((d) => [
        ['--check', '--export', d],
        ['--steps', '20', '--batch', '64', '--log-every', '20', '--export', d, '--out', join(d, 'run')],
      ]);
      const py = spawnSync(PYTHON, ['-c', DRIVER, join(dirs[0], 'pytorch')], {
        input: jobs.map((j) => JSON.stringify(j)).join('\n') + '\n',
        encoding: 'utf8',
        timeout: 540_000,
      });
      expect(py.status, py.stderr).toBe(0);
      const runs: Run[] = py.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(runs).toHaveLength(jobs.length);
      for (const r of runs) {
        const what = `${r.argv.join(' ')}\n${r.out}\n${r.err}`;
        expect(r.rc, what).toBe(0);
        if (r.argv[0] === '--check') {
          expect(r.out, what).toContain('check passed');
          expect(r.out).not.toContain('FAIL');
        } else {
          const res = lastJson(r.out);
          expect(res.steps).toBe(20);
          // without causal weighting both are Σ w mean r² (the same number). With it, the causal
          // loss is the objective but its weights grow as early times resolve, so over 20 steps
          // one of the two may rise while the other falls (measured on allen_cahn: mlp causal
          // 0.197 → 0.098, plain 0.91 → 1.07; pirate_net causal 5.33 → 5.36, plain 9.5e7 → 8.2e7)
          const fell = res.lossAfter < res.lossBefore || res.plainLossAfter < res.plainLossBefore;
          expect(fell, what).toBe(true);
          if (!r.argv.some((a) => a.includes('allen_cahn'))) expect(res.lossAfter, what).toBeLessThan(res.lossBefore);
        }
      }
      // the weights PyTorch trained load back into the engine with the same relative L2 error
      for (const [i, d] of dirs.entries()) {
        const res = lastJson(runs[2 * i + 1].out);
        const cfg = JSON.parse(readFileSync(join(d, 'config.json'), 'utf8'));
        delete cfg.export;
        const t = new Trainer(resolveConfig(cfg));
        t.importWeights(decodeSafetensors(readFileSync(join(d, 'run', 'weights.safetensors'))).tensors);
        const ev = await t.evaluate();
        expect(Math.abs(ev.relL2 - res.relL2) / res.relL2, d).toBeLessThan(1e-5);
        t.dispose();
      }
      expect(tf.memory().numTensors).toBeLessThan(50);
    },
  );

  it(
    '--check fails on a wrong prediction, and torchrun trains on 2 processes (gloo)',
    { timeout: 300_000 },
    async () => {
      const dir = join(root, 'ddp');
      await exportTo(dir, { pde: 'burgers', arch: 'mlp', archOptions: { depth: 2, width: 16 } });
      const pkg = join(dir, 'pytorch');
      const preds = JSON.parse(readFileSync(join(dir, 'predictions.json'), 'utf8'));
      const bad = join(root, 'bad');
      mkdirSync(bad);
      for (const f of ['config.json', 'weights.safetensors', 'check.json'])
        writeFileSync(join(bad, f), readFileSync(join(dir, f)));
      preds.prediction[7][0] += 1e-3;
      writeFileSync(join(bad, 'predictions.json'), JSON.stringify(preds));
      const check = spawnSync(PYTHON, [join(pkg, 'train.py'), '--check', '--export', bad], { encoding: 'utf8' });
      expect(check.status, check.stdout + check.stderr).toBe(1);
      expect(check.stdout).toMatch(/predictions: .* FAIL/);
      // Debian's torch 1.13 on Python 3.11: torchrun's default --redirects 0 parses to None and the
      // launcher dies before starting (Flag enums no longer iterate their 0 member); 1 + tee works
      const launch = ['--redirects', '1', '--tee', '1', '--nproc_per_node=2', '--master_port=29517'];
      const run = spawnSync(
        'torchrun',
        [...launch, join(pkg, 'train.py'), '--steps', '10', '--batch', '64', '--log-every', '5'],
        { encoding: 'utf8', timeout: 240_000, env: { ...process.env, OMP_NUM_THREADS: '1' } },
      );
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const out = run.stdout.replace(/^\[default\d+\]:/gm, '');
      const res = lastJson(out);
      expect(res.world).toBe(2);
      expect(res.steps).toBe(10);
      // rank 0 logs alone: once per log step, from the exported step 5 on
      expect(out.match(/^step \d+/gm)).toEqual(['step 10', 'step 15']);
      const back = decodeSafetensors(readFileSync(join(pkg, 'run', 'weights.safetensors')));
      expect(back.metadata.source).toBe('pytorch');
      expect(back.tensors.map((t) => t.name).sort()).toEqual([
        'layer0.bias',
        'layer0.weight',
        'layer1.bias',
        'layer1.weight',
        'layer2.bias',
        'layer2.weight',
      ]);
    },
  );
});
