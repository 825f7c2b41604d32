import { useEffect } from 'react';
import { useTraining } from '../store/training';
import { Controls } from './Controls';
import { LossChart } from './LossChart';
import { SolutionChart } from './SolutionChart';
import { Stats } from './Stats';

function Message() {
  const message = useTraining((s) => s.message);
  if (!message) return null;
  return (
    <p role="alert" className={`message ${message.kind}`} data-testid="message">
      {message.text}
    </p>
  );
}

function Equation() {
  const pde = useTraining((s) => s.catalog.find((p) => p.id === s.config.pde));
  return <p className="equation">{pde ? pde.equation : ''}</p>;
}

/** `?backend=webgl` (or a comma-separated list) puts those backends first. */
function backendsFromUrl(): string[] | undefined {
  const v = new URLSearchParams(window.location.search).get('backend');
  return v ? v.split(',').map((b) => b.trim()).filter(Boolean) : undefined;
}

export function App() {
  const connect = useTraining((s) => s.connect);
  useEffect(() => connect(backendsFromUrl()), [connect]);
  return (
    <main>
      <header>
        <h1>PINN Playground</h1>
        <Equation />
      </header>
      <Controls />
      <Message />
      <Stats />
      <div className="plots">
        <LossChart />
        <SolutionChart />
      </div>
    </main>
  );
}
