import { useState } from 'react';
import { setOption, switchPde } from '../../store/edits';
import { usePlayground } from '../../store/playground';
import { appliedSpec, CustomPdeEditor } from './CustomPdeEditor';
import { CheckboxField, NumberField, Section, SelectField } from './fields';
import { setField } from '../../store/edits';
import { anyDiffers, type Edited } from './useEdited';

/**
 * The PDE and its physical parameters (with their allowed ranges), or the editor of a typed
 * PDE: choosing "Custom (typed)…" opens it without changing the experiment until Apply.
 */
export function ProblemSection({ e }: { e: Edited }) {
  const edit = usePlayground((s) => s.edit);
  // The PDE the editor was opened over: a link loading another experiment closes it.
  const [typingOver, setTypingOver] = useState<string | null>(null);
  const pde = e.catalog.pdes.find((p) => p.id === e.config.pde);
  const applied = appliedSpec(e);
  const editor = typingOver === e.config.pde || applied !== undefined;
  const options = [
    ...e.catalog.pdes.map((p) => ({ value: p.id as string, label: p.label })),
    { value: 'custom', label: 'Custom (typed)…' },
  ];
  const choose = (id: string) => {
    setTypingOver(id === 'custom' ? e.config.pde : null);
    if (id !== 'custom' && id !== e.config.pde) edit(switchPde(id));
  };
  return (
    <Section
      title="Problem"
      changed={anyDiffers(e, ['pde', 'custom', 'params', 'hardConstraints'])}
      about="The equation the network learns: its residual, boundary and initial conditions become loss terms."
    >
      <SelectField
        label="PDE"
        value={editor ? 'custom' : (e.config.pde as string)}
        disabled={e.locked}
        onChange={choose}
        options={options}
        hint="The equation to learn, or Custom to type one."
      />
      {editor ? (
        <CustomPdeEditor
          key={JSON.stringify(applied ?? null)}
          e={e}
          onCancel={applied ? undefined : () => setTypingOver(null)}
        />
      ) : null}
      {pde && !editor ? (
        <p className="equation" data-testid="equation">
          {pde.equation}
        </p>
      ) : null}
      {pde?.hasReference && !editor ? (
        <p className="hint">
          Evaluated against a reference solution from our own{' '}
          {pde.id.startsWith('ldc') ? 'finite-difference' : 'spectral'} solver, computed when a run starts (a few
          seconds).
        </p>
      ) : null}
      {pde?.hardConstraint && !editor ? (
        <CheckboxField
          label={`Impose ${pde.hardConstraint.terms.join(', ')} exactly (hard constraint)`}
          checked={e.config.hardConstraints ?? false}
          disabled={e.locked}
          hint={`${pde.hardConstraint.form}: those terms leave the loss.`}
          onChange={(v) => edit(setField('hardConstraints', v))}
        />
      ) : null}
      {pde && !editor
        ? Object.entries(pde.params).map(([k, spec]) => (
            <NumberField
              key={k}
              label={`${spec.label} [${spec.min}, ${spec.max}]`}
              value={e.config.params[k] ?? spec.default}
              min={spec.min}
              max={spec.max}
              disabled={e.locked}
              hint={spec.help ?? `${spec.label}, in [${spec.min}, ${spec.max}].`}
              onChange={(v) => edit(setOption('params', k, v))}
            />
          ))
        : null}
    </Section>
  );
}
