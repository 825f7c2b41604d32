import { Fragment } from 'react';
import { setOption, switchBalancing } from '../../store/edits';
import { usePlayground } from '../../store/playground';
import { NumberField, Section, SelectField } from './fields';
import { OptionFields } from './OptionFields';
import { anyDiffers, type Edited } from './useEdited';
import { customTermNames } from '../../engine/custom/terms';
import type { CustomPdeSpec } from '../../engine/custom/spec';

/** A typed PDE's loss terms (none while its spec is invalid; the editor shows why). */
function typedTerms(spec: CustomPdeSpec | undefined): string[] {
  if (!spec) return [];
  try {
    return customTermNames(spec);
  } catch {
    return [];
  }
}

/** What a term's configured weight is under each balancing method (others: the initial weight). */
const weightLabel: Record<string, string> = { fixed: 'Weight', annealing: 'Base weight' };

/** How the loss terms are weighted (fixed weights or adaptive rebalancing) and how many points each gets. */
export function BalancingSection({ e }: { e: Edited }) {
  const edit = usePlayground((s) => s.edit);
  const pde = e.catalog.pdes.find((p) => p.id === e.config.pde);
  const terms = pde?.terms ?? typedTerms(e.config.custom);
  const timeDependent = (pde?.axes ?? e.config.custom?.axes)?.[0] === 't';
  const b = e.config.balancing;
  const method = e.catalog.balancing.find((m) => m.id === b.method);
  const causal = e.catalog.schemas.causal;
  const batch = e.catalog.schemas.training.batch;
  return (
    <Section
      title="Loss balancing"
      changed={anyDiffers(e, ['balancing', 'lossWeights', 'termBatch', 'causal'])}
      about="Total loss = Σ wᵢ·Lᵢ. Adaptive methods rescale wᵢ so that no term's gradient dominates."
    >
      <SelectField
        label="Balancing method"
        value={b.method}
        disabled={e.locked}
        onChange={(v) => edit(switchBalancing(v))}
        hint="Switching the method switches its defaults (annealing rebalances every 10 steps, grad-norm every 100)."
        options={e.catalog.balancing.map((m) => ({ value: m.id as typeof b.method, label: m.label }))}
      />
      {method && b.method !== 'fixed' ? (
        <OptionFields
          schema={method.schema}
          values={b}
          disabled={e.locked}
          onChange={(k, v) => edit(setOption('balancing', k, v))}
        />
      ) : null}
      {timeDependent ? (
        <OptionFields
          schema={causal}
          values={e.config.causal}
          disabled={e.locked}
          skip={e.config.causal.enabled ? [] : ['eps', 'chunks']}
          onChange={(k, v) => edit(setOption('causal', k, v))}
        />
      ) : null}
      {terms.map((t) => (
        <Fragment key={t}>
          <NumberField
            label={`${weightLabel[b.method] ?? 'Initial weight'} of ${t}`}
            value={e.config.lossWeights[t] ?? 1}
            min={0}
            max={1e8}
            disabled={e.locked}
            hint={
              b.method === 'annealing'
                ? `Fixed factor of ${t}: its weight is this × λ, where annealing adapts λ (starting at 1).`
                : `Multiplies the loss term ${t} in the total loss.`
            }
            onChange={(v) => edit(setOption('lossWeights', t, v))}
          />
          <NumberField
            label={`Points of ${t} per step`}
            value={e.config.termBatch[t] ?? e.config.batch}
            min={batch.min}
            max={batch.max}
            integer
            disabled={e.locked}
            hint={`Fresh points of ${t} each step (the Batch setting unless set here).`}
            onChange={(v) => edit(setOption('termBatch', t, v))}
          />
        </Fragment>
      ))}
    </Section>
  );
}
