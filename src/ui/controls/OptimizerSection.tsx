import { setField, setOption, switchOptimizer } from '../../store/edits';
import { usePlayground } from '../../store/playground';
import { Section, SelectField } from './fields';
import { OptionField, OptionFields } from './OptionFields';
import { anyDiffers, type Edited } from './useEdited';

/** The optimizer, its hyperparameters, the learning rate (live while training) and its schedule. */
export function OptimizerSection({ e }: { e: Edited }) {
  const edit = usePlayground((s) => s.edit);
  const { schemas } = e.catalog;
  const optimizer = e.catalog.optimizers.find((o) => o.id === e.config.optimizer);
  return (
    <Section
      title="Optimizer"
      changed={anyDiffers(e, ['optimizer', 'optimizerOptions', 'lr', 'schedule', 'lbfgs'])}
      about="How each step moves the weights. The learning rate can be changed while training."
    >
      <SelectField
        label="Optimizer"
        value={e.config.optimizer}
        disabled={e.locked}
        onChange={(id) => edit(switchOptimizer(id))}
        hint="How each step uses the gradient; switching keeps the hyperparameters you changed that the new one shares."
        options={e.catalog.optimizers.map((o) => ({ value: o.id as typeof e.config.optimizer, label: o.label }))}
      />
      <OptionField
        spec={schemas.training.lr}
        value={e.config.lr}
        testId="lr"
        onChange={(v) => edit(setField('lr', v as number))}
      />
      {optimizer ? (
        <OptionFields
          schema={optimizer.schema}
          values={e.config.optimizerOptions}
          disabled={e.locked}
          onChange={(k, v) => edit(setOption('optimizerOptions', k, v))}
        />
      ) : null}
      <OptionFields
        schema={schemas.schedule}
        values={e.config.schedule}
        disabled={e.locked}
        prefix="Schedule"
        onChange={(k, v) => edit(setOption('schedule', k, v))}
      />
      <OptionFields
        schema={schemas.lbfgs}
        values={e.config.lbfgs}
        disabled={e.locked}
        skip={e.config.lbfgs.from >= 0 ? [] : ['history', 'batch']}
        onChange={(k, v) => edit(setOption('lbfgs', k, v))}
      />
    </Section>
  );
}
