import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { button, collectProblems, downloadOf, open, paused, readNumber, tiny } from './helpers';

const PYTHON = '/usr/bin/python3';
const torchOk = spawnSync(PYTHON, ['-c', 'import torch']).status === 0;

test("the Export menu's PyTorch package unzips into an export train.py --check reproduces; predictions", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = collectProblems(page);
  // Fourier features: the frozen matrix B must travel in the package for the check to pass
  // on WebGPU (SwiftShader): the worker computes the export's numbers on a cpu copy
  await open(page, tiny('poisson1d', { seed: 3, 'archOptions.fourierSize': 4 }));
  await button(page, 'Start').click();
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThanOrEqual(6);
  await button(page, 'Pause').click();
  await paused(page);
  const step = await readNumber(page, 'step');
  await button(page, 'Export').click();

  const pred = await downloadOf(page, () => button(page, 'Predictions (.json)').click());
  expect(pred.name).toBe(`poisson1d-mlp-adam-seed3-step${step}.predictions.json`);
  const p = JSON.parse(pred.bytes.toString('utf8'));
  expect(p.axes).toEqual(['x']);
  expect(p.outputs).toEqual(['u']);
  expect(p.points).toHaveLength(256); // poisson1d's evaluation grid
  expect(p.prediction).toHaveLength(256);
  expect(p.reference[255][0]).toBeCloseTo(Math.sin(1), 6); // u = sin(Cx) at x = 1, C = 1

  const z = await downloadOf(page, () => button(page, 'PyTorch package (.zip)').click());
  expect(z.name).toBe(`poisson1d-mlp-adam-seed3-step${step}.zip`);
  const dir = mkdtempSync(join(tmpdir(), 'pinn-zip-'));
  writeFileSync(join(dir, 'a.zip'), z.bytes);
  const unzip = spawnSync(
    PYTHON,
    [
      '-c',
      'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; ' +
        'z.extractall(sys.argv[2]); print("\\n".join(z.namelist()))',
      join(dir, 'a.zip'),
      dir,
    ],
    { encoding: 'utf8' },
  );
  expect(unzip.status, unzip.stderr).toBe(0);
  const stem = `poisson1d-mlp-adam-seed3-step${step}`;
  expect(unzip.stdout.trim().split('\n').sort()).toEqual(
    [
      'check.json',
      'config.json',
      'metrics.csv',
      'predictions.json',
      'pytorch/README.md',
      'pytorch/pinn.py',
      'pytorch/problem.py',
      'pytorch/soap.py',
      'pytorch/train.py',
      'state.json',
      'weights.json',
      'weights.safetensors',
    ].map((f) => `${stem}/${f}`),
  );
  if (torchOk) {
    const check = spawnSync(PYTHON, [join(dir, stem, 'pytorch', 'train.py'), '--check'], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('check passed');
  } else console.warn(`${PYTHON} cannot import torch: the unzipped package was not run`);
  rmSync(dir, { recursive: true, force: true });
  // the worker is back on WebGPU and training continues
  await button(page, 'Step').click();
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThan(step);
  await expect(page.getByTestId('backend')).toHaveText(/^webgpu/);
  expect(problems).toEqual([]);
});
