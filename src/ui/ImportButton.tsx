import { useRef } from 'react';
import { usePlayground } from '../store/playground';
import { readImport } from './io/weightsFile';

/**
 * Import a config (JSON) or weights (safetensors or JSON) file. A config replaces the
 * experiment once the worker has validated it; weights go into the run being edited through
 * the trainer's checked `importWeights`. Anything unreadable is reported and changes nothing.
 */
export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const status = usePlayground((s) => s.status);
  const onFile = async (file: File) => {
    const s = usePlayground.getState();
    try {
      const got = readImport(file.name, new Uint8Array(await file.arrayBuffer()));
      if (got.kind === 'config') s.load({ source: 'file', name: file.name, text: got.text });
      else s.importWeights(s.compare ? s.editing : 0, got.tensors, file.name);
    } catch (e) {
      s.showError(`${e instanceof Error ? e.message : String(e)}. The current experiment was kept.`);
    }
  };
  return (
    <label
      className={`button${status === 'running' || status === 'connecting' ? ' disabled' : ''}`}
      title="Load a config (.json) or weights (.safetensors / .json) file"
    >
      Import
      <input
        ref={input}
        type="file"
        accept=".json,.safetensors,application/json"
        data-testid="import-file"
        disabled={status === 'running' || status === 'connecting'}
        className="visually-hidden"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void onFile(f);
        }}
      />
    </label>
  );
}
