import { useEffect } from 'react';
import { usePlayground } from '../store/playground';
import { Controls } from './controls/Controls';
import { RunBar } from './controls/RunBar';
import { Header } from './Header';
import { LessonPanel } from './lessons/LessonPanel';
import { useLessonClasses } from './lessons/useLessonClasses';
import { useCommitLive } from './keys/useCommitLive';
import { useShortcuts } from './keys/useShortcuts';
import { Message } from './Message';
import { CollocationPanel } from './plots/CollocationPanel';
import { FlowPanel } from './plots/FlowPanel';
import { LandscapePanel } from './plots/LandscapePanel';
import { HistogramPanel } from './plots/HistogramPanel';
import { NtkPanel } from './plots/NtkPanel';
import { AlignmentPanel, HessianPanel, LossPanel, SpeedPanel, WeightsPanel } from './plots/MetricPanels';
import { SolutionPanel } from './plots/SolutionPanel';
import { Stats } from './Stats';

/** Moves the keyboard focus to the run controls (the skip link's target). */
function skipToRun(e: React.MouseEvent) {
  e.preventDefault();
  document.getElementById('run-controls')?.focus();
}

/**
 * The page: header, settings on the left, run controls (sticky), numbers and live plots on
 * the right; stacked in one column on narrow screens. A skip link and shortcut keys (Space,
 * S, R) reach training without tabbing through every setting.
 */
export function App() {
  const connect = usePlayground((s) => s.connect);
  const two = usePlayground((s) => s.runs[1] !== null);
  useEffect(() => connect(), [connect]);
  const lesson = useLessonClasses();
  useCommitLive();
  useShortcuts();
  return (
    <div className={`app${two ? ' compare' : ''}${lesson ? ` ${lesson}` : ''}`}>
      <a className="skip-link" href="#run-controls" onClick={skipToRun}>
        Skip to training controls (Space start/pause, S step, R reset)
      </a>
      <Header />
      <Controls />
      <main>
        <div className="run-row">
          <RunBar />
          <Stats />
        </div>
        <Message />
        <div className="plots">
          <SolutionPanel />
          <LossPanel />
          <HistogramPanel />
          {/* Below the loss plot, which stays on the first screen (and off-screen plots skip their draws). */}
          <FlowPanel />
          <AlignmentPanel />
          <WeightsPanel />
          <HessianPanel />
          <NtkPanel />
          <CollocationPanel />
          <LandscapePanel />
          <SpeedPanel />
        </div>
      </main>
      <LessonPanel />
    </div>
  );
}
