import { setOption, switchArch } from '../../store/edits';
import { usePlayground } from '../../store/playground';
import { Section, SelectField } from './fields';
import { OptionFields } from './OptionFields';
import { anyDiffers, unknownOf, type Edited } from './useEdited';

/** The architecture and its options: size, activation, Fourier features, weight factorization. */
export function NetworkSection({ e }: { e: Edited }) {
  const edit = usePlayground((s) => s.edit);
  const arch = e.catalog.architectures.find((a) => a.id === e.config.arch);
  return (
    <Section
      title="Network"
      changed={anyDiffers(e, ['arch', 'archOptions'])}
      about={`${unknownOf(e)} is approximated by this network; its derivatives come from Taylor-mode jets.`}
    >
      <SelectField
        label="Architecture"
        value={e.config.arch}
        disabled={e.locked}
        onChange={(id) => edit(switchArch(id))}
        hint="The network family; switching keeps the options you changed that the new one shares."
        options={e.catalog.architectures.map((a) => ({ value: a.id as typeof e.config.arch, label: a.label }))}
      />
      {arch ? (
        <OptionFields
          schema={arch.schema}
          values={e.config.archOptions}
          skip={arch.unused}
          disabled={e.locked}
          onChange={(k, v) => edit(setOption('archOptions', k, v))}
        />
      ) : null}
    </Section>
  );
}
