import { setOption, switchPde } from '../../store/edits';
import { usePlayground } from '../../store/playground';
import { NumberField, Section, SelectField } from './fields';
import { anyDiffers, type Edited } from './useEdited';

/** The PDE and its physical parameters (with their allowed ranges). */
export function ProblemSection({ e }: { e: Edited }) {
  const edit = usePlayground((s) => s.edit);
  const pde = e.catalog.pdes.find((p) => p.id === e.config.pde);
  const custom = e.config.pde === 'custom' ? (e.config.custom as { label?: string; residual?: string | string[] } | undefined) : undefined;
  const options = e.catalog.pdes.map((p) => ({ value: p.id as string, label: p.label }));
  if (custom) options.push({ value: 'custom', label: custom.label ?? 'Custom PDE' });
  return (
    <Section title="Problem" changed={anyDiffers(e, ['pde', 'params'])}
      about="The equation the network learns: its residual, boundary and initial conditions become loss terms.">
      <SelectField label="PDE" value={e.config.pde as string} disabled={e.locked} onChange={(id) => id !== 'custom' && edit(switchPde(id))} options={options} />
      {pde ? <p className="equation" data-testid="equation">{pde.equation}</p> : null}
      {custom ? <p className="equation" data-testid="equation">{[custom.residual].flat().join(' = 0, ')} = 0 (typed in the loaded config)</p> : null}
      {pde?.hasReference ? <p className="hint">Evaluated against a spectral reference solution, computed when a run starts (a few seconds).</p> : null}
      {pde
        ? Object.entries(pde.params).map(([k, spec]) => (
            <NumberField key={k} label={`${spec.label} [${spec.min}, ${spec.max}]`} value={e.config.params[k] ?? spec.default}
              min={spec.min} max={spec.max} disabled={e.locked} onChange={(v) => edit(setOption('params', k, v))} />
          ))
        : null}
    </Section>
  );
}
