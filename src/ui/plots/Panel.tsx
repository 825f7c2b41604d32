import { useState, type ReactNode, type RefObject } from 'react';
import { saveImage } from './plotly';

/**
 * A plot's frame: title, a short "what am I looking at" text, the plot itself and buttons
 * that save it as PNG or SVG.
 */
export function Panel(props: {
  title: string;
  /** What the plot shows and how to read it (one or two sentences). */
  help: string;
  /** File name stem for the images, e.g. "loss". */
  name: string;
  plot: RefObject<HTMLDivElement | null>;
  /** Shown over the plot while it has nothing to show. */
  empty?: string | null;
  tools?: ReactNode;
  wide?: boolean;
  /** Bring the plot up to date before it is saved (plots off screen skip updates). */
  beforeSave?: () => void;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const save = async (format: 'png' | 'svg') => {
    const el = props.plot.current;
    if (!el) return;
    setBusy(true);
    try {
      props.beforeSave?.();
      await saveImage(el, format, `pinn-${props.name}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={`panel${props.wide ? ' wide' : ''}`} aria-label={props.title} data-panel={props.name}>
      <header>
        <h2>{props.title}</h2>
        <div className="panel-tools">
          {props.tools}
          <button
            type="button"
            className="small"
            aria-label={`Save the ${props.title} plot as PNG`}
            disabled={busy || !!props.empty}
            onClick={() => void save('png')}
          >
            PNG
          </button>
          <button
            type="button"
            className="small"
            aria-label={`Save the ${props.title} plot as SVG`}
            disabled={busy || !!props.empty}
            onClick={() => void save('svg')}
          >
            SVG
          </button>
        </div>
      </header>
      <p className="help">{props.help}</p>
      <div className="plot-area">
        {props.children}
        {props.empty ? <p className="empty">{props.empty}</p> : null}
      </div>
    </section>
  );
}
