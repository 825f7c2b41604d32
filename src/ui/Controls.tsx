import { useState } from 'react';
import type { PdeId } from '../engine/pdes';
import { useTraining } from '../store/training';

/** PDE menu, learning rate and the Start / Pause / Step / Reset buttons. */
export function Controls() {
  const catalog = useTraining((s) => s.catalog);
  const pde = useTraining((s) => s.config.pde);
  const lr = useTraining((s) => s.config.lr);
  const status = useTraining((s) => s.status);
  const { setPde, setLr, start, pause, step1, reset } = useTraining.getState();
  const [lrText, setLrText] = useState(String(lr));
  const ready = status !== 'connecting';
  const running = status === 'running';

  const onLr = (text: string) => {
    setLrText(text);
    const v = Number(text);
    if (text.trim() !== '' && Number.isFinite(v) && v > 0 && v <= 10) setLr(v);
  };

  return (
    <section className="controls" aria-label="Controls">
      <label>
        PDE
        <select value={pde} disabled={running} onChange={(e) => setPde(e.target.value as PdeId)}>
          {catalog.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Learning rate
        <input type="number" step="any" min="0" inputMode="decimal" value={lrText} onChange={(e) => onLr(e.target.value)} />
      </label>
      <div className="buttons">
        <button type="button" onClick={start} disabled={!ready || running}>Start</button>
        <button type="button" onClick={pause} disabled={!running}>Pause</button>
        <button type="button" onClick={step1} disabled={!ready || running}>Step</button>
        <button type="button" onClick={reset} disabled={!ready}>Reset</button>
      </div>
    </section>
  );
}
