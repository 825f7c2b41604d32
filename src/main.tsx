import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { usePlayground } from './store/playground';
import { App } from './ui/App';
import { drawStats } from './ui/plots/plotly';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

/**
 * A small handle for the browser console and the e2e tests: read the store, simulate a lost
 * WebGPU device (the worker destroys it; the playground falls back and resumes), and the
 * main-thread time spent drawing plots.
 */
(window as unknown as { pinnPlayground: object }).pinnPlayground = {
  state: () => usePlayground.getState(),
  loseDevice: () => usePlayground.getState().loseDevice(),
  drawStats,
};
