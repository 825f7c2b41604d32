/**
 * The exported PyTorch SOAP (`pytorch/soap.py`) against the engine's `scaleBySoap`, step for
 * step in real Python (skipped without torch, like pytorch.test.ts): the same parameters, the
 * same gradients (of a quadratic plus a step-dependent drift D_s, so each gradient depends on
 * the trajectory so far and no two are equal: with a repeated gradient G' = Q_Lᵀ G Q_R is
 * diagonal and its off-diagonal moments are rounding noise over eps, which two correct
 * implementations round differently), 24 steps with eigenbasis refreshes every 5, weight decay
 * and an unpreconditioned bias.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { scaleBySoap, soapDefaults } from '../optim/soap';
import { soapPy } from './python/soap-py';

const PYTHON = '/usr/bin/python3';
const torchOk = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'soap-port-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Square matrices: their first factors G Gᵀ and Gᵀ G are full rank with distinct eigenvalues,
// so the eigenbases are unique up to column signs (which SOAP's step is invariant to). A
// rank-deficient factor (e.g. a preconditioned bias: g gᵀ has rank 1) leaves its null-space
// basis to the eigensolver, and two correct implementations legitimately part ways there.
const shapes = [[4, 4], [3, 3], [4]];
const steps = 24;
const lr = 0.05;
const options = { ...soapDefaults, preconditionFrequency: 5, weightDecay: 0.01, b1: 0.95 };

/** Each parameter's start, curvature K (positive) and target T: gradient K (θ − T) + D_s. */
function problem() {
  const rng = createRng(21);
  const draw = (n: number, f: () => number) => Array.from({ length: n }, f);
  return shapes.map((s) => {
    const n = s.reduce((a, b) => a * b, 1);
    return {
      shape: s,
      theta: draw(n, () => rng.normal()),
      k: draw(n, () => rng.uniform(0.2, 2.2)),
      t: draw(n, () => rng.normal()),
    };
  });
}

/** D_s: 0.5 sin(0.7 s + 1.3 j) over a parameter's flat index j (the driver computes the same). */
const drift = (s: number, n: number) => Array.from({ length: n }, (_, j) => 0.5 * Math.sin(0.7 * s + 1.3 * j));

function engineRun(): number[][] {
  const ps = problem();
  const soap = scaleBySoap(options);
  let theta = ps.map((p) => tf.tensor(p.theta, p.shape));
  const k = ps.map((p) => tf.tensor(p.k, p.shape));
  const t = ps.map((p) => tf.tensor(p.t, p.shape));
  let state = soap.init(theta);
  for (let s = 0; s < steps; s++) {
    const grads = theta.map((x, i) => tf.add(tf.mul(k[i], tf.sub(x, t[i])), tf.tensor(drift(s, x.size), x.shape)));
    const r = soap.update(grads, state, theta);
    const next = theta.map((x, i) => tf.sub(x, tf.mul(lr, r.updates[i])));
    tf.dispose([...grads, ...r.updates, ...theta, state]);
    theta = next;
    state = r.state;
  }
  const out = theta.map((x) => Array.from(x.dataSync()));
  tf.dispose([...theta, ...k, ...t, state]);
  return out;
}

const DRIVER = String.raw`
import json, sys
sys.path.insert(0, sys.argv[1])
import torch
from soap import SOAP
cfg = json.loads(sys.stdin.read())
ps = [torch.tensor(p["theta"], dtype=torch.float32).reshape(p["shape"]).requires_grad_() for p in cfg["problem"]]
k = [torch.tensor(p["k"]).reshape(p["shape"]) for p in cfg["problem"]]
t = [torch.tensor(p["t"]).reshape(p["shape"]) for p in cfg["problem"]]
o = cfg["options"]
opt = SOAP(ps, cfg["lr"], **o) if cfg["soap"] else torch.optim.Adam(ps, cfg["lr"], betas=(o["b1"], o["b2"]))
for s in range(cfg["steps"]):
    with torch.no_grad():
        for i, p in enumerate(ps):
            j = torch.arange(p.numel(), dtype=torch.float64)
            p.grad = (k[i] * (p - t[i]) + (0.5 * torch.sin(0.7 * s + 1.3 * j)).float().reshape(p.shape))
    opt.step()
print(json.dumps([p.detach().reshape(-1).tolist() for p in ps]))
`;

function torchRun(soap: boolean): number[][] {
  writeFileSync(join(dir, 'soap.py'), soapPy);
  const input = JSON.stringify({ problem: problem(), lr, steps, options, soap });
  const py = spawnSync(PYTHON, ['-c', DRIVER, dir], { input, encoding: 'utf8', timeout: 120_000 });
  expect(py.status, py.stderr).toBe(0);
  return JSON.parse(py.stdout.trim().split('\n').at(-1)!);
}

const maxDiff = (a: number[][], b: number[][]) =>
  Math.max(...a.flatMap((x, i) => x.map((v, j) => Math.abs(v - b[i][j]))));

describe.skipIf(!torchOk)('pytorch/soap.py', () => {
  it('follows the engine SOAP step for step (refreshes, decay, a bias on plain Adam) — and is not Adam', () => {
    const ours = engineRun();
    const theirs = torchRun(true);
    const adam = torchRun(false);
    const moved = maxDiff(
      ours,
      problem().map((p) => p.theta),
    );
    expect(moved).toBeGreaterThan(0.3);
    expect(maxDiff(ours, theirs), `ours ${JSON.stringify(ours)}\ntorch ${JSON.stringify(theirs)}`).toBeLessThan(2e-4);
    expect(maxDiff(ours, adam)).toBeGreaterThan(1e-2);
  });
});
