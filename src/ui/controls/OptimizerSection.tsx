import { setField, setOption, switchOptimizer } from '../../store/edits';
import { usePlayground } from '../../store/playground';
import { NumberField, Section, SelectField } from './fields';
import { OptionFields } from './OptionFields';
import { anyDiffers, type Edited } from './useEdited';

/** The optimizer, its hyperparameters, the learning rate (live while training) and its schedule. */
export function OptimizerSection({ e }: { e: Edited }) {
  const edit = usePlayground((s) => s.edit);
  return (
    <Section title="Optimizer" changed={anyDiffers(e, ['optimizer', 'optimizerOptions', 'lr', 'schedule', 'lbfgs'])}
      about="How each step moves the weights. The learning rate can be changed while training.">
      <SelectField label="Optimizer" value={e.config.optimizer} disabled={e.locked} onChange={(id) => edit(switchOptimizer(id))}
        options={e.catalog.optimizers.map((o) => ({ value: o.id as typeof e.config.optimizer, label: o.label }))} />
      <NumberField label="Learning rate" value={e.config.lr} min={1e-8} max={10} testId="lr" onChange={(v) => v > 0 && v <= 10 && edit(setField('lr', v))}
        hint="Base step size η; applied at the next step, also while training." />
      <OptionFields values={e.config.optimizerOptions as object as Record<string, unknown>} choices={e.catalog.choices} disabled={e.locked}
        onChange={(k, v) => edit(setOption('optimizerOptions', k, v))} />
      <OptionFields values={e.config.schedule as object as Record<string, unknown>} choices={e.catalog.choices} disabled={e.locked}
        onChange={(k, v) => edit(setOption('schedule', k, v))} />
      {e.config.lbfgs ? (
        <>
          <NumberField label="Switch to L-BFGS at step (−1 = never)" value={e.config.lbfgs.from} min={-1} integer disabled={e.locked}
            hint="From this step on, full-batch L-BFGS on a fixed set of points (a common finishing phase)." onChange={(v) => edit(setOption('lbfgs', 'from', v))} />
          {e.config.lbfgs.from >= 0 ? (
            <>
              <NumberField label="L-BFGS history (pairs)" value={e.config.lbfgs.history} min={1} max={100} integer disabled={e.locked} onChange={(v) => edit(setOption('lbfgs', 'history', v))} />
              <NumberField label="L-BFGS batch (points per term)" value={e.config.lbfgs.batch} min={1} max={65536} integer disabled={e.locked} onChange={(v) => edit(setOption('lbfgs', 'batch', v))} />
            </>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
