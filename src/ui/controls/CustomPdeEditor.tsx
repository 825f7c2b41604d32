import { useMemo, useState } from 'react';
import { FUNCTION_NAMES } from '../../engine/custom/ast';
import { customExamples } from '../../engine/custom/examples';
import type { CustomPdeSpec } from '../../engine/custom/spec';
import { applyCustomPde } from '../../store/edits';
import { usePlayground } from '../../store/playground';
import { bcOf, domainOf, draftFromSpec, names, wantsVelocity, type AxisBcDraft, type CustomDraft } from './customDraft';
import { checkDraft } from './draftCheck';
import { SelectField } from './fields';
import { FieldError, TextField } from './TextField';
import type { Edited } from './useEdited';

type TemplateId = keyof typeof customExamples;
const templates = Object.entries(customExamples).map(([id, s]) => ({ value: id as TemplateId | '', label: s.label }));
const bcKinds = [
  { value: 'none' as const, label: 'No condition' },
  { value: 'dirichlet' as const, label: 'Dirichlet (value)' },
  { value: 'periodic' as const, label: 'Periodic' },
];

/** The experiment's typed PDE with the experiment's parameter values (undefined for a built-in PDE). */
export function appliedSpec(e: Edited): CustomPdeSpec | undefined {
  const spec = e.config.pde === 'custom' ? e.config.custom : undefined;
  return spec && { ...spec, params: { ...spec.params, ...e.config.params } };
}

/** A list with entry `k` set (padding with '' for outputs typed just now). */
function withEntry(list: string[], k: number, v: string): string[] {
  const out = Array.from({ length: Math.max(list.length, k + 1) }, (_, i) => list[i] ?? '');
  out[k] = v;
  return out;
}

/**
 * The custom-PDE editor (issue 10): a template to start from, then the axes and their domain,
 * the outputs, named parameters, the residual(s), the initial data and a condition per
 * spatial axis. It checks the draft as you type (errors beside the field, with a caret at the
 * column) and Apply puts the valid spec in the experiment; the experiment never changes
 * otherwise. Mount it with a `key` of the applied spec, so a loaded experiment resets it.
 */
export function CustomPdeEditor({ e, onCancel }: { e: Edited; onCancel?: () => void }) {
  const edit = usePlayground((s) => s.edit);
  const applied = appliedSpec(e);
  const [template, setTemplate] = useState<TemplateId | ''>(applied ? '' : 'burgers');
  const [d, setDraft] = useState<CustomDraft>(() => draftFromSpec(applied ?? customExamples.burgers));
  const checked = useMemo(() => checkDraft(d), [d]);
  const err = (key: string) => (checked.error?.key === key ? checked.error : undefined);
  const set = (patch: Partial<CustomDraft>) => setDraft((x) => ({ ...x, ...patch }));
  const setBc = (a: string, patch: Partial<AxisBcDraft>) =>
    setDraft((x) => ({ ...x, bcs: { ...x.bcs, [a]: { ...bcOf(x, a), ...patch } } }));
  const isApplied = checked.spec !== undefined && JSON.stringify(checked.spec) === JSON.stringify(applied);

  const axes = names(d.axes).map((p) => p.text);
  const outputs = names(d.outputs).map((p) => p.text);
  const timed = axes[0] === 't';
  const space = axes.filter((a) => a !== 't');
  const at = (o: string) => `${o}(${[domainOf(d, 't')[0], ...space].join(', ')})`;
  const status = e.locked
    ? 'Training: pause to edit the PDE.'
    : checked.error
      ? 'Fix the error to apply.'
      : isApplied
        ? 'Applied: Start trains this PDE.'
        : applied
          ? 'Edited: Apply to train this version.'
          : 'Not applied yet: runs still train ' +
            `${e.catalog.pdes.find((p) => p.id === e.config.pde)?.label ?? e.config.pde}.`;

  return (
    <fieldset className="custom-editor" disabled={e.locked} data-testid="custom-editor">
      <p className="hint">
        One equation per line, each = 0. Derivatives of an output are written u_x, u_xx, u_t, u_xt, …; functions{' '}
        {FUNCTION_NAMES.join(', ')}; constants pi and e; ^ for powers; parameters by name.
      </p>
      <SelectField
        label="Template"
        value={template}
        options={[{ value: '', label: '—' }, ...templates]}
        onChange={(id) => {
          setTemplate(id);
          if (id) setDraft(draftFromSpec(customExamples[id]));
        }}
      />
      <TextField
        label="Name"
        value={d.label}
        onChange={(label) => set({ label })}
        error={err('label')}
        placeholder="My PDE"
      />
      <TextField
        label="Axes (time first)"
        value={d.axes}
        onChange={(v) => set({ axes: v })}
        error={err('axes')}
        placeholder="t, x"
      />
      {axes.map((a) => (
        <div key={a} className="domain-row">
          <span>{a} ∈ [</span>
          <input
            type="text"
            aria-label={`${a} from`}
            value={domainOf(d, a)[0]}
            aria-invalid={err(`domain.${a}`) ? true : undefined}
            onChange={(ev) => set({ domain: { ...d.domain, [a]: [ev.target.value, domainOf(d, a)[1]] } })}
          />
          <span>,</span>
          <input
            type="text"
            aria-label={`${a} to`}
            value={domainOf(d, a)[1]}
            aria-invalid={err(`domain.${a}`) ? true : undefined}
            onChange={(ev) => set({ domain: { ...d.domain, [a]: [domainOf(d, a)[0], ev.target.value] } })}
          />
          <span>]</span>
          <FieldError error={err(`domain.${a}`)} />
        </div>
      ))}
      <TextField
        label="Outputs"
        value={d.outputs}
        onChange={(v) => set({ outputs: v })}
        error={err('outputs')}
        placeholder="u"
      />
      <TextField
        label="Parameters"
        value={d.params}
        onChange={(v) => set({ params: v })}
        error={err('params')}
        placeholder="nu = 0.01/pi, k = 2"
      />
      <TextField
        label="Residual = 0"
        value={d.residual}
        lines={Math.max(2, d.residual.split('\n').length)}
        onChange={(v) => set({ residual: v })}
        error={err('residual')}
        placeholder="u_t + u*u_x - nu*u_xx"
        hint="One equation per line; each is driven to 0 inside the domain."
      />
      {timed
        ? outputs.map((o, k) => (
            <TextField
              key={`ic${k}`}
              label={`${at(o)} =`}
              value={d.ic[k] ?? ''}
              onChange={(v) => set({ ic: withEntry(d.ic, k, v) })}
              error={err(`ic.${k}`)}
              placeholder="empty: free"
              hint="Initial condition, in the spatial axes and parameters."
            />
          ))
        : null}
      {timed && wantsVelocity(d)
        ? outputs.map((o, k) => (
            <TextField
              key={`ict${k}`}
              label={`${at(`${o}_t`)} =`}
              value={d.icT[k] ?? ''}
              onChange={(v) => set({ icT: withEntry(d.icT, k, v) })}
              error={err(`icT.${k}`)}
              placeholder="empty: free"
              hint="Initial velocity (second order in time)."
            />
          ))
        : null}
      {space.map((a) => {
        const b = bcOf(d, a);
        return (
          <div key={a} className="bc-axis">
            <SelectField
              label={`Boundary in ${a}`}
              value={b.kind}
              options={bcKinds}
              onChange={(kind) => setBc(a, { kind })}
            />
            {b.kind === 'dirichlet'
              ? outputs.flatMap((o, k) =>
                  (['lo', 'hi'] as const).map((side, i) => (
                    <TextField
                      key={`${side}${k}`}
                      label={`${o} at ${a} = ${domainOf(d, a)[i]}`}
                      value={b[side][k] ?? ''}
                      onChange={(v) => setBc(a, { [side]: withEntry(b[side], k, v) })}
                      error={err(`bc.${a}.${side}.${k}`)}
                      placeholder="empty: free"
                    />
                  )),
                )
              : null}
            <FieldError error={err(`bc.${a}`)} />
          </div>
        );
      })}
      <FieldError error={err('general')} />
      <div className="editor-actions">
        <button
          type="button"
          className="primary"
          disabled={!checked.spec || isApplied}
          onClick={() => checked.spec && edit(applyCustomPde(checked.spec))}
        >
          Apply
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <span className="hint" data-testid="custom-status">
          {status}
        </span>
      </div>
    </fieldset>
  );
}
