import type { DiagnosticKind } from '../../engine/config';
import { setField, setOption, switchSampling } from '../../store/edits';
import { usePlayground } from '../../store/playground';
import { CheckboxField, Section, SelectField } from './fields';
import { OptionFields } from './OptionFields';
import { anyDiffers, type Edited } from './useEdited';

/** Which diagnostics option belongs to which kind (shown only while that kind is ticked). */
const optionOfKind: Partial<Record<DiagnosticKind, string>> = {
  hist: 'bins',
  hess: 'hessIters',
  rgv: 'rgvSamples',
  ntk: 'ntkPoints',
};

/** Batch, steps, seed, logging and diagnostics cadence, and the backend preference. */
export function TrainingSection({ e }: { e: Edited }) {
  const edit = usePlayground((s) => s.edit);
  const backendPref = usePlayground((s) => s.backendPref);
  const setBackendPref = usePlayground((s) => s.setBackendPref);
  const { schemas } = e.catalog;
  const d = e.config.diagnostics;
  const toggle = (k: string, on: boolean) =>
    edit(setOption('diagnostics', 'kinds', on ? [...d.kinds, k as DiagnosticKind] : d.kinds.filter((x) => x !== k)));
  const sampling = e.catalog.sampling.find((m) => m.id === e.config.sampling.method);
  // an option shows while its diagnostic is ticked (NTK probe points also for NTK weighting)
  const shown = (k: string) =>
    d.kinds.includes(k as DiagnosticKind) || (k === 'ntk' && e.config.balancing.method === 'ntk');
  const hidden = Object.entries(optionOfKind)
    .filter(([k]) => !shown(k))
    .map(([, o]) => o as string);
  return (
    <Section
      title="Training"
      changed={anyDiffers(e, ['batch', 'steps', 'seed', 'logEvery', 'diagnostics'])}
      about="Fresh random collocation points every step; the seed fixes them and the initial weights."
    >
      <OptionFields
        schema={schemas.training}
        values={e.config}
        skip={['lr']}
        disabled={e.locked}
        onChange={(k, v) => edit(setField(k as 'batch', v as number))}
      />
      <SelectField
        label="Residual points"
        value={e.config.sampling.method}
        disabled={e.locked}
        onChange={(v) => edit(switchSampling(v))}
        hint="Uniform fresh points every step, or drawn where the residual is large (Wu et al. 2023)."
        options={e.catalog.sampling.map((m) => ({ value: m.id, label: m.label }))}
      />
      {sampling && e.config.sampling.method !== 'uniform' ? (
        <OptionFields
          schema={sampling.schema}
          values={e.config.sampling}
          disabled={e.locked}
          skip={e.config.sampling.method === 'rar' ? [] : ['add']}
          onChange={(k, v) => edit(setOption('sampling', k, v))}
        />
      ) : null}
      <OptionFields
        schema={schemas.diagnostics}
        values={d}
        skip={['hessIters', 'bins', 'rgvSamples', 'ntkPoints']}
        disabled={e.locked}
        onChange={(k, v) => edit(setOption('diagnostics', k, v))}
      />
      {e.catalog.diagnosticKinds.map((k) => (
        <CheckboxField
          key={k.id}
          label={k.label}
          checked={d.kinds.includes(k.id as DiagnosticKind)}
          disabled={e.locked}
          hint={`Compute ${k.label.toLowerCase()} on every diagnostics step.`}
          onChange={(on) => toggle(k.id, on)}
        />
      ))}
      <OptionFields
        schema={schemas.diagnostics}
        values={d}
        skip={['every', ...hidden]}
        disabled={e.locked}
        onChange={(k, v) => edit(setOption('diagnostics', k, v))}
      />
      <SelectField
        label="Backend preference"
        value={backendPref}
        disabled={e.locked}
        onChange={setBackendPref}
        hint={
          'Tried first; the others follow as fallbacks. Automatic times a few steps of this experiment on ' +
          'WASM (1 and all threads), WebGPU and WebGL and trains on the fastest (the backend line says why). ' +
          "Changing it restarts the worker's backend and resets the runs."
        }
        options={[
          { value: '', label: 'Automatic (fastest measured)' },
          ...e.catalog.backends.map((b) => ({ value: b as string, label: b })),
        ]}
      />
    </Section>
  );
}
