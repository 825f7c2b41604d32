import { useCallback, useMemo, useRef, useState } from 'react';
import { usePlayground } from '../../store/playground';
import { InlineSelect } from '../controls/fields';
import { ntkFigure } from './ntkFigure';
import { Panel } from './Panel';
import { draw, palette } from './plotly';
import { usePlot } from './usePlot';
import { useLive } from './useLive';

const help =
  'Eigenvalues of the empirical neural tangent kernel K_tt = J_t J_tᵀ of each loss term on a few probe ' +
  'points (Wang, Yu & Perdikaris 2022), largest first, log scale; dotted = first reading, solid = ' +
  "newest. Under gradient descent term t's residuals shrink at rates set by these eigenvalues, so when " +
  "the residual block's eigenvalues dwarf the boundary block's the boundary is learned far more slowly. " +
  'NTK weighting (Loss balancing) scales each term by mean trace / tr(K_tt).';

/**
 * The empirical NTK's eigenvalue spectra per loss term (diagnostics kind `ntk`): the first
 * and the newest reading of a run, with a run menu in compare mode. The numbers are the
 * worker's `ntk.<term>.eig.<k>` metrics; the UI computes nothing.
 */
export function NtkPanel() {
  const runs = useLive(
    usePlayground((s) => s.runs),
    500,
  );
  const [runIdx, setRunIdx] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const run = runs[runIdx] ?? runs[0];
  const label = runs[1] ? 'AB'[runIdx] : '';
  const figure = useMemo(() => (run ? ntkFigure(run.rows, run.terms, label, palette) : null), [run, label]);
  const sync = useCallback(() => {
    const el = ref.current;
    if (el && figure) draw(el, { data: figure.data, layout: { ...figure.layout, uirevision: `ntk:${runIdx}` } });
  }, [figure, runIdx]);
  usePlot(ref, sync);
  const tools = runs[1] ? (
    <InlineSelect label="Run" value={runIdx} onChange={(v) => setRunIdx(Number(v))}>
      <option value={0}>A</option>
      <option value={1}>B</option>
    </InlineSelect>
  ) : null;
  return (
    <Panel
      name="ntk"
      title="NTK spectrum"
      plot={ref}
      tools={tools}
      beforeSave={sync}
      empty={figure ? null : 'Turn on NTK spectrum in Training → diagnostics (every > 0) and train.'}
      help={help}
    >
      <div className="chart" ref={ref} data-testid="ntk-chart" />
    </Panel>
  );
}
