import type { DiagnosticKind, ExperimentConfig } from '../../engine/config';
import { setField, setOption, type ConfigEdit } from '../../store/edits';
import { usePlayground } from '../../store/playground';
import { CheckboxField, NumberField, Section, SelectField } from './fields';
import { anyDiffers, type Edited } from './useEdited';

const kindLabels: Record<string, string> = {
  align: 'Gradient alignment',
  hist: 'Gradient histograms',
  hess: 'Hessian extreme eigenvalues',
  rgv: 'Residual-gradient variance',
  ntk: 'NTK spectrum',
};

const samplingLabels: Record<string, string> = {
  uniform: 'Uniform (fresh points every step)',
  rad: 'RAD: residual-based adaptive distribution',
  rar: 'RAR-D: residual-based adaptive refinement',
};

/**
 * Another sampling method, with its paper defaults for p and c (RAR-D: p = 2, c = 0; RAD:
 * p = 1, c = 1 — as resolveConfig fills them), keeping the cadence and the candidate count.
 */
const switchSampling = (method: string): ConfigEdit => (c) => ({
  ...c, sampling: { ...c.sampling, method: method as ExperimentConfig['sampling']['method'], power: method === 'rar' ? 2 : 1, c: method === 'rar' ? 0 : 1 },
});

/** Batch, steps, seed, sampling, logging and diagnostics cadence, and the backend preference. */
export function TrainingSection({ e }: { e: Edited }) {
  const edit = usePlayground((s) => s.edit);
  const backendPref = usePlayground((s) => s.backendPref);
  const setBackendPref = usePlayground((s) => s.setBackendPref);
  const d = e.config.diagnostics;
  const sm = e.config.sampling ?? e.catalog.base.sampling;
  const toggle = (k: string, on: boolean) => edit(setOption('diagnostics', 'kinds', on ? [...d.kinds, k as DiagnosticKind] : d.kinds.filter((x) => x !== k)));
  return (
    <Section title="Training" changed={anyDiffers(e, ['batch', 'steps', 'seed', 'logEvery', 'diagnostics', 'sampling'])}
      about="Fresh random collocation points every step; the seed fixes them and the initial weights.">
      <NumberField label="Batch (points per loss term)" value={e.config.batch} min={1} max={65536} integer disabled={e.locked} onChange={(v) => edit(setField('batch', v))} />
      <NumberField label="Steps" value={e.config.steps} min={0} integer disabled={e.locked} onChange={(v) => edit(setField('steps', v))} />
      <NumberField label="Seed" value={e.config.seed} min={0} max={2 ** 32 - 1} integer disabled={e.locked} onChange={(v) => edit(setField('seed', v))} />
      <SelectField label="Sampling of the residual points" value={sm.method} disabled={e.locked} onChange={(v) => edit(switchSampling(v))}
        hint="Wu et al. 2023: every k steps, candidates are weighted by |r|^p / mean + c."
        options={(e.catalog.choices.sampling ?? ['uniform']).map((m) => ({ value: m as typeof sm.method, label: samplingLabels[m] ?? m }))} />
      {sm.method !== 'uniform' ? (
        <>
          <NumberField label="Resample every k (steps)" value={sm.every} min={1} integer disabled={e.locked} onChange={(v) => edit(setOption('sampling', 'every', v))} />
          <NumberField label="Exponent p of |r|" value={sm.power} min={0} max={10} disabled={e.locked} onChange={(v) => edit(setOption('sampling', 'power', v))} />
          <NumberField label="Uniform share c" value={sm.c} min={0} disabled={e.locked} onChange={(v) => edit(setOption('sampling', 'c', v))} />
          <NumberField label="Candidates" value={sm.candidates} min={1} max={262144} integer disabled={e.locked} onChange={(v) => edit(setOption('sampling', 'candidates', v))} />
          {sm.method === 'rar' ? <NumberField label="Points added per refresh" value={sm.add} min={1} integer disabled={e.locked} onChange={(v) => edit(setOption('sampling', 'add', v))} /> : null}
        </>
      ) : null}
      <NumberField label="Log every (steps)" value={e.config.logEvery} min={1} integer disabled={e.locked} onChange={(v) => edit(setField('logEvery', v))} />
      <NumberField label="Diagnostics every (steps, 0 = off)" value={d.every} min={0} integer disabled={e.locked} onChange={(v) => edit(setOption('diagnostics', 'every', v))} />
      {(e.catalog.choices.kinds ?? []).map((k) => (
        <CheckboxField key={k} label={kindLabels[k] ?? k} checked={d.kinds.includes(k as DiagnosticKind)} disabled={e.locked} onChange={(on) => toggle(k, on)} />
      ))}
      {d.kinds.includes('hist') ? <NumberField label="Histogram bins" value={d.bins} min={2} max={1000} integer disabled={e.locked} onChange={(v) => edit(setOption('diagnostics', 'bins', v))} /> : null}
      {d.kinds.includes('hess') ? <NumberField label="Hessian Lanczos iterations" value={d.hessIters} min={1} max={1000} integer disabled={e.locked} onChange={(v) => edit(setOption('diagnostics', 'hessIters', v))} /> : null}
      {d.kinds.includes('ntk') || e.config.balancing.method === 'ntk' ? (
        <NumberField label="NTK probe points per term" value={d.ntkPoints} min={2} max={1024} integer
          disabled={e.locked}
          onChange={(v) => edit(setOption('diagnostics', 'ntkPoints', v))} />
      ) : null}
      {d.kinds.includes('rgv') ? <NumberField label="Per-sample gradients (samples)" value={d.rgvSamples} min={1} max={4096} integer disabled={e.locked} onChange={(v) => edit(setOption('diagnostics', 'rgvSamples', v))} /> : null}
      <SelectField label="Backend preference" value={backendPref} disabled={e.locked} onChange={setBackendPref}
        hint="Tried first; the others follow as fallbacks. Changing it restarts the worker's backend and resets the runs."
        options={[{ value: '', label: 'Automatic (WebGPU → WebGL → WASM → CPU)' }, ...e.catalog.backends.map((b) => ({ value: b as string, label: b }))]} />
    </Section>
  );
}
