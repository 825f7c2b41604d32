import { useEffect, useRef } from 'react';
import { usePlayground } from '../store/playground';

/** A file dragged over the page: the drop imports it, as the Import control does. */
const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * Import a config (JSON) or weights (safetensors or JSON) file, chosen or dropped on the page.
 * The page reads nothing but the
 * file's size: the bytes go to the worker, which parses and checks them (so a huge or hostile
 * file cannot freeze this tab) and answers beside this control — the experiment or weights
 * loaded, or why not. Anything refused changes nothing.
 */
export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const status = usePlayground((s) => s.status);
  const note = usePlayground((s) => s.importNote);
  const locked = status === 'running' || status === 'connecting';
  const onFile = (file: File) => {
    const s = usePlayground.getState();
    s.importFile(s.compare ? s.editing : 0, file);
  };
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault(); // allow the drop (else the browser opens the file)
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const f = e.dataTransfer?.files[0];
      const st = usePlayground.getState().status;
      if (f && st !== 'running' && st !== 'connecting') onFile(f);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return (
    <span className="import">
      <label
        className={`button${locked ? ' disabled' : ''}`}
        title="Load a config (.json) or weights (.safetensors / .json) file, or drop one on the page"
      >
        Import
        <input
          ref={input}
          type="file"
          accept=".json,.safetensors,application/json"
          data-testid="import-file"
          disabled={locked}
          className="visually-hidden"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) onFile(f);
          }}
        />
      </label>
      {note && (
        <span
          className={`message import-note ${note.kind}`}
          role={note.kind === 'error' ? 'alert' : 'status'}
          data-testid="import-note"
          data-kind={note.kind}
        >
          <span>{note.text}</span>
          {note.kind !== 'busy' && (
            <button
              type="button"
              className="small"
              onClick={usePlayground.getState().dismissImportNote}
              aria-label="Dismiss import note"
            >
              ×
            </button>
          )}
        </span>
      )}
    </span>
  );
}
