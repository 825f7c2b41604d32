import { setOption } from '../../store/edits';
import { usePlayground } from '../../store/playground';
import { CheckboxField, NumberField, Section, SelectField } from './fields';
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

const methodLabels: Record<string, string> = {
  fixed: 'Fixed weights',
  annealing: 'Learning-rate annealing (Wang et al. 2021)',
  gradnorm: 'Gradient-norm weighting',
  ntk: 'NTK weighting (Wang, Yu, Perdikaris 2022)',
};

/** How the loss terms are weighted: fixed weights or adaptive rebalancing. */
export function BalancingSection({ e }: { e: Edited }) {
  const edit = usePlayground((s) => s.edit);
  const pde = e.catalog.pdes.find((p) => p.id === e.config.pde);
  const terms = pde?.terms ?? typedTerms(e.config.custom);
  const timeDependent = (pde?.axes ?? e.config.custom?.axes)?.[0] === 't';
  const b = e.config.balancing;
  return (
    <Section title="Loss balancing" changed={anyDiffers(e, ['balancing', 'lossWeights', 'causal'])}
      about="Total loss = Σ wᵢ·Lᵢ. Adaptive methods rescale wᵢ so that no term's gradient dominates.">
      <SelectField label="Balancing method" value={b.method} disabled={e.locked} onChange={(v) => edit(setOption('balancing', 'method', v))}
        options={(e.catalog.choices.method ?? []).map((m) => ({ value: m as typeof b.method, label: methodLabels[m] ?? m }))} />
      {b.method !== 'fixed' ? (
        <>
          <NumberField label="Balancing rate α [0, 1]" value={b.alpha} min={0} max={1} disabled={e.locked} onChange={(v) => edit(setOption('balancing', 'alpha', v))} />
          <NumberField label="Rebalance every (steps)" value={b.every} min={1} integer disabled={e.locked} onChange={(v) => edit(setOption('balancing', 'every', v))} />
        </>
      ) : null}
      {timeDependent ? (
        <>
          <CheckboxField label="Causal weighting of the residual" checked={e.config.causal.enabled} disabled={e.locked}
            hint="Wang, Sankaran, Perdikaris 2024: later time chunks count only once earlier ones are fitted."
            onChange={(v) => edit(setOption('causal', 'enabled', v))} />
          {e.config.causal.enabled ? (
            <>
              <NumberField label="Causality ε" value={e.config.causal.eps} min={0} disabled={e.locked} onChange={(v) => edit(setOption('causal', 'eps', v))} />
              <NumberField label="Time chunks" value={e.config.causal.chunks} min={1} max={1024} integer disabled={e.locked} onChange={(v) => edit(setOption('causal', 'chunks', v))} />
            </>
          ) : null}
        </>
      ) : null}
      {terms.map((t) => (
        <NumberField key={t} label={`${b.method === 'fixed' ? 'Weight' : 'Initial weight'} of ${t}`} value={e.config.lossWeights[t] ?? 1} min={0}
          disabled={e.locked} onChange={(v) => edit(setOption('lossWeights', t, v))} />
      ))}
    </Section>
  );
}
