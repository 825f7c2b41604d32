import { resolveConfig } from '../../src/engine/config';
import { flatObjective, getFlat, setFlat } from '../../src/engine/host-objective';
import { trainFor } from '../../src/engine/loop';
import { lbfgs } from '../../src/engine/optim/lbfgs';
import { symEig } from '../../src/engine/optim/linalg';
import { hessianFD, newton } from '../../src/engine/optim/newton';
import type { Objective } from '../../src/engine/optim/objective';
import { Trainer } from '../../src/engine/trainer';
import { markdownTable } from './run';
import type { RunResult, Study } from './types';

/**
 * Rowan (arXiv 2510.11987): Newton's method with the exact Hessian is attracted to saddle
 * points of PINN losses. On a tiny PINN (1-D Poisson, 1 × 10 tanh, 31 parameters) and one
 * fixed batch, undamped Newton (Hessian by central differences of exact gradients) is run
 * from the initial weights and compared with Adam and L-BFGS from the same start: we report
 * the loss, the gradient norm and the Hessian's extreme eigenvalues where each stops.
 */
const FD_STEP = 10 ** -2.5; // float32 gradients: ~1e-5 Hessian accuracy (see newton.ts)

async function spectrum(f: Objective, x: Float64Array): Promise<{ min: number; max: number }> {
  const e = symEig(await hessianFD(f, x, FD_STEP), x.length);
  return { max: e.values[0], min: e.values[x.length - 1] };
}

export const newtonStudy: Study = {
  id: 'newton',
  title: 'Exact-Hessian Newton stalls at saddle points of a PINN loss',
  paper: 'Rowan 2025 (arXiv 2510.11987): Newton converges to stationary points with negative curvature',
  runs: () => [],
  async execute(quick, steps) {
    const config = resolveConfig({
      pde: 'poisson1d',
      params: { C: 4 },
      archOptions: { depth: 1, width: 10, activation: 'tanh' },
      batch: 64,
      seed: 3,
      lr: 1e-2,
      logEvery: 100,
    });
    const trainer = new Trainer(config);
    const batches = trainer.sample(trainer.probeRng, 64);
    const f = flatObjective(trainer, batches);
    const x0 = await getFlat(trainer.vars);
    const out: RunResult[] = [];
    const record = async (
      label: string,
      x: Float64Array,
      iters: number,
      extra: Record<string, number | string> = {},
    ) => {
      setFlat(trainer.vars, x);
      const at = await f(x);
      const s = await spectrum(f, x);
      const ev = await trainer.evaluate();
      const gradNorm = Math.sqrt(at.grad.reduce((a, g) => a + g * g, 0));
      out.push({
        spec: { label, config: {} },
        steps: iters,
        relL2: ev.relL2,
        loss: at.loss,
        losses: {},
        msPerStep: 0,
        curve: [],
        extra: { gradNorm, lambdaMin: s.min, lambdaMax: s.max, ...extra },
      });
      process.stdout.write(
        `  ${label.padEnd(22)} loss ${at.loss.toExponential(3)}  |∇| ${gradNorm.toExponential(2)}  ` +
          `λmin ${s.min.toExponential(2)}  λmax ${s.max.toExponential(2)}\n`,
      );
    };
    await record('initial weights', x0, 0);
    // undamped Newton from random weights jumps far away; start every method from a short
    // Adam warm-up (the regime where Newton is tempting), as a practitioner would
    const warm = 200;
    await trainFor(trainer, warm);
    const xw = await getFlat(trainer.vars);
    await record(`Adam warm-up (${warm})`, xw, warm);
    const nNewton = steps ?? (quick ? 30 : 100);
    const nt = await newton(f, xw, { damping: 'none', maxIterations: nNewton, fdStep: FD_STEP, gtol: 1e-7 });
    await record('Newton (undamped)', nt.x, nt.iterations, { stop: nt.stop });
    const lm = await newton(f, xw, { damping: 'lm', maxIterations: nNewton, fdStep: FD_STEP, gtol: 1e-7 });
    await record('Newton (LM-damped)', lm.x, lm.iterations, { stop: lm.stop });
    const lb = await lbfgs(f, xw, { maxIterations: quick ? 500 : 5000 });
    await record('L-BFGS', lb.x, lb.iterations, { stop: lb.stop });
    setFlat(trainer.vars, xw);
    const nAdam = quick ? 2000 : 20000;
    await trainFor(trainer, nAdam);
    await record('Adam (fresh batches)', await getFlat(trainer.vars), warm + nAdam);
    trainer.dispose();
    return out;
  },
  report(results) {
    const rows = results.map((r) => [
      r.spec.label,
      r.steps,
      r.loss,
      Number(r.extra?.gradNorm),
      Number(r.extra?.lambdaMin),
      Number(r.extra?.lambdaMax),
      r.relL2,
      String(r.extra?.stop ?? ''),
    ]);
    const nt = results.find((r) => r.spec.label.startsWith('Newton (undamped'))!;
    const adam = results.find((r) => r.spec.label.startsWith('Adam (fresh'))!;
    const saddle =
      Number(nt.extra?.lambdaMin) < 0 &&
      Number(nt.extra?.gradNorm) < 1e-3 * Math.max(1, Number(results[0].extra?.gradNorm));
    return {
      table: markdownTable(
        ['method', 'iterations', 'loss (fixed batch)', 'gradient norm', 'λmin(H)', 'λmax(H)', 'relL2', 'stop'],
        rows,
      ),
      verdict:
        'undamped Newton ' +
        (saddle
          ? 'stopped at a stationary point with negative curvature (a saddle)'
          : 'did NOT end at a saddle in this run') +
        ', ' +
        `with loss ${nt.loss.toExponential(2)} vs Adam's ${adam.loss.toExponential(2)} ` +
        `(${nt.loss > 10 * adam.loss ? 'far above' : 'not far above'}).`,
    };
  },
};
