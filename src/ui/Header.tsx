import { usePlayground } from '../store/playground';
import { InlineSelect } from './controls/fields';
import { ExportMenu } from './ExportMenu';
import { ImportButton } from './ImportButton';
import { LessonMenu } from './lessons/LessonMenu';
import { RecordButton } from './lessons/RecordButton';

/** Title, presets, compare mode, export and import. */
export function Header() {
  const catalog = usePlayground((s) => s.catalog);
  const compare = usePlayground((s) => s.compare);
  const status = usePlayground((s) => s.status);
  const { load, toggleCompare } = usePlayground.getState();
  const locked = status === 'running' || status === 'connecting';
  return (
    <header className="top">
      <h1>PINN Playground</h1>
      <p className="tagline">Physics-informed neural networks, trained live in your browser</p>
      <div className="top-tools">
        <LessonMenu />
        <InlineSelect
          label="Preset"
          value=""
          disabled={locked || !catalog}
          onChange={(id) => id && load({ source: 'preset', id })}
        >
          <option value="">Choose…</option>
          {catalog?.presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
              {p.compare ? ' (compare)' : ''}
            </option>
          ))}
        </InlineSelect>
        <button
          type="button"
          aria-pressed={compare}
          disabled={locked || !catalog}
          onClick={() => toggleCompare()}
          title={
            'Train a second run side by side: same seed, same initial weights, same collocation points; ' +
            'change what you want to compare'
          }
        >
          Compare
        </button>
        <RecordButton />
        <ExportMenu />
        <ImportButton />
      </div>
    </header>
  );
}
