import { useState } from 'react';
import { toCsv, type MetricsRow } from '../engine/metrics';
import { compareConfig } from '../store/edits';
import { usePlayground } from '../store/playground';
import type { RunIndex } from '../worker/protocol';
import { download, fileStem } from './io/download';
import { weightsToJson, weightsToSafetensors } from './io/weightsFile';
import { zip } from './io/zip';

/**
 * The Export menu: each run's weights (safetensors, JSON), its PyTorch package (a .zip of the
 * same files as the CLI's `--out DIR`: weights, config, predictions, check batch, metrics and
 * `pytorch/`) and its predictions on the evaluation grid (JSON), the metrics (CSV, via the
 * engine's `toCsv`), the experiment config (JSON) and the link. Plot images are saved from
 * each plot's PNG/SVG buttons.
 */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const runs = usePlayground((s) => s.runs);
  const config = usePlayground((s) => s.config);
  const compare = usePlayground((s) => s.compare);
  const overrides = usePlayground((s) => s.overrides);
  const { requestWeights, showError } = usePlayground.getState();
  const [copied, setCopied] = useState(false);
  if (!config)
    return (
      <button type="button" disabled>
        Export
      </button>
    );

  const weights = async (run: RunIndex, format: 'safetensors' | 'json') => {
    try {
      const w = await requestWeights(run);
      const stem = `${fileStem(w.config)}-step${w.step}${runs[1] ? `-run${'AB'[run]}` : ''}`;
      if (format === 'safetensors') download(weightsToSafetensors(w.tensors, w.config, w.step), `${stem}.safetensors`);
      else download(weightsToJson(w.tensors), `${stem}.weights.json`, 'application/json');
    } catch (e) {
      showError(`Could not export the weights: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const bundle = async (run: RunIndex, what: 'zip' | 'predictions') => {
    try {
      const b = await usePlayground.getState().requestBundle(run);
      const stem = `${fileStem(b.config)}-step${b.step}${runs[1] ? `-run${'AB'[run]}` : ''}`;
      if (what === 'predictions') {
        download(
          b.files.find((f) => f.path === 'predictions.json')!.data,
          `${stem}.predictions.json`,
          'application/json',
        );
        return;
      }
      // the worker leaves metrics.csv empty: the logged rows live here
      const files = b.files.map((f) => (f.path === 'metrics.csv' ? { ...f, data: toCsv(runs[run]?.rows ?? []) } : f));
      download(zip(files.map((f) => ({ path: `${stem}/${f.path}`, data: f.data }))), `${stem}.zip`, 'application/zip');
    } catch (e) {
      showError(`Could not export: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const metrics = () => {
    const both = runs[1] !== null;
    const rows: MetricsRow[] = runs.flatMap((r, i) =>
      r ? (both ? r.rows.map((x) => ({ run: i, ...x })) : r.rows) : [],
    );
    download(toCsv(rows), `${fileStem(runs[0]?.config ?? config)}${both ? '-compare' : ''}.metrics.csv`, 'text/csv');
  };
  const configFile = () => {
    // Without compare: the bare config, exactly like the CLI's config.json. With: {config, compare}.
    const body = compare ? { config, compare: overrides, compareConfig: undefined } : config;
    download(JSON.stringify(body, null, 2) + '\n', `${fileStem(config)}.config.json`, 'application/json');
  };
  const link = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      showError('Could not copy the link; copy it from the address bar instead.');
    }
  };

  const ids = runs.flatMap((r, i) => (r ? [i as RunIndex] : []));
  return (
    <div className="menu">
      <button type="button" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)}>
        Export
      </button>
      {open ? (
        <div className="menu-items" role="group" aria-label="Export files">
          {ids.map((i) => (
            <div key={i} className="menu-row">
              <span>Weights{runs[1] ? ` ${'AB'[i]}` : ''}</span>
              <button type="button" onClick={() => void weights(i, 'safetensors')}>
                Weights{runs[1] ? ` ${'AB'[i]}` : ''} (.safetensors)
              </button>
              <button type="button" onClick={() => void weights(i, 'json')}>
                Weights{runs[1] ? ` ${'AB'[i]}` : ''} (.json)
              </button>
              <button type="button" onClick={() => void bundle(i, 'zip')}>
                PyTorch package{runs[1] ? ` ${'AB'[i]}` : ''} (.zip)
              </button>
              <button type="button" onClick={() => void bundle(i, 'predictions')}>
                Predictions{runs[1] ? ` ${'AB'[i]}` : ''} (.json)
              </button>
            </div>
          ))}
          {ids.length === 0 ? <p className="hint">Weights: press Step or Start first.</p> : null}
          <button type="button" disabled={!runs[0]?.rows.length} onClick={metrics}>
            Metrics (.csv)
          </button>
          <button type="button" onClick={configFile}>
            Config (.json)
          </button>
          <button type="button" onClick={() => void link()}>
            {copied ? 'Link copied' : 'Copy link'}
          </button>
          <p className="hint">
            Plots: use the PNG / SVG buttons on each plot.
            {compare ? ` Run B: ${JSON.stringify(compareConfig(config, overrides).optimizer)} optimizer.` : ''}
          </p>
        </div>
      ) : null}
    </div>
  );
}
