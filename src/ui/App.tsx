import { useEffect } from 'react';
import { usePlayground } from '../store/playground';
import { Controls } from './controls/Controls';
import { RunBar } from './controls/RunBar';
import { Header } from './Header';
import { LessonPanel } from './lessons/LessonPanel';
import { useLessonClasses } from './lessons/useLessonClasses';
import { Message } from './Message';
import { CollocationPanel } from './plots/CollocationPanel';
import { FlowPanel } from './plots/FlowPanel';
import { LandscapePanel } from './plots/LandscapePanel';
import { HistogramPanel } from './plots/HistogramPanel';
import { NtkPanel } from './plots/NtkPanel';
import { AlignmentPanel, HessianPanel, LossPanel, SpeedPanel, WeightsPanel } from './plots/MetricPanels';
import { SolutionPanel } from './plots/SolutionPanel';
import { Stats } from './Stats';

/** The page: header, settings on the left, run controls, numbers and live plots on the right. */
export function App() {
  const connect = usePlayground((s) => s.connect);
  const two = usePlayground((s) => s.runs[1] !== null);
  useEffect(() => connect(), [connect]);
  const lesson = useLessonClasses();
  return (
    <div className={`app${two ? ' compare' : ''}${lesson ? ` ${lesson}` : ''}`}>
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
