import { useRef } from 'react';
import { usePlayground } from '../store/playground';

/**
 * Import a config (JSON) or weights (safetensors or JSON) file. The page reads nothing but the
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
  return (
    <span className="import">
      <label
        className={`button${locked ? ' disabled' : ''}`}
        title="Load a config (.json) or weights (.safetensors / .json) file"
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
