import { useEffect } from 'react';
import { reportParts } from '../../engine/lessons/runner';
import type { Values } from '../../engine/lessons';
import { formatNumber } from '../format';
import { useLessons } from './lessonStore';
import { memoryOf } from './progress';
import './lessons.css';

/** A report with its measured values marked (data-key, data-value: the number as measured). */
function Report(props: { template: string; values: Values }) {
  return (
    <p className="lesson-report" data-testid="lesson-report">
      {reportParts(props.template, props.values).map((p, i) =>
        'text' in p ? (
          <span key={i}>{p.text}</span>
        ) : (
          <strong key={i} className="measured" data-key={p.key} data-value={p.value ?? ''}>
            {typeof p.value === 'number' ? formatNumber(p.value, 3) : (p.value ?? '—')}
          </strong>
        ),
      )}
    </p>
  );
}

/** Scroll the page to the panel a step points at and flash it. */
function showPanel(name: string): void {
  const el = document.querySelector<HTMLElement>(`[data-panel="${name}"]`);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  el.classList.add('lesson-flash');
  setTimeout(() => el.classList.remove('lesson-flash'), 1500);
}

/** The open lesson beside the plots: the step's text, what to watch, its live check, back/next. */
export function LessonPanel() {
  const { progress, error, link, init, go, close, setPresent } = useLessons();
  useEffect(() => init(), [init]);
  if (!progress)
    return error ? (
      <aside className="lesson-panel" aria-label="Lesson">
        <p className="config-error" data-testid="lesson-error">
          {error}
        </p>
      </aside>
    ) : null;
  const { lesson, step: k, values } = progress;
  const step = lesson.steps[k];
  const done = values[k];
  const last = k === lesson.steps.length - 1;
  return (
    <aside
      className="lesson-panel"
      aria-label="Lesson"
      data-testid="lesson-panel"
      data-lesson={lesson.id}
      data-step={k + 1}
    >
      <header>
        <h2>{lesson.title}</h2>
        <button
          type="button"
          className="small"
          aria-pressed={link.present}
          onClick={() => setPresent(!link.present)}
          title="Presenter mode: no settings column, larger plots and text (for a projector)"
        >
          Present
        </button>
        <button type="button" className="small" aria-label="Close the lesson" onClick={close}>
          ×
        </button>
      </header>
      {k === 0 ? <p className="lesson-goal">{lesson.goal}</p> : null}
      <h3 data-testid="lesson-step">
        Step {k + 1} of {lesson.steps.length}: {step.title}
      </h3>
      <p className="lesson-todo">{step.todo}</p>
      <p className="lesson-watch">
        <button type="button" className="link" onClick={() => showPanel(step.watch.panel)}>
          Watch: {step.watch.panel}
        </button>{' '}
        — {step.watch.text}
      </p>
      {step.check ? (
        <div
          className={`lesson-check${done ? ' done' : ''}`}
          data-testid="lesson-check"
          data-done={done ? 'true' : 'false'}
          data-values={done ? JSON.stringify(done) : ''}
        >
          {done ? (
            <Report template={step.check.report} values={{ ...memoryOf(progress), ...done }} />
          ) : (
            <p>Waiting until {step.check.until}…</p>
          )}
        </div>
      ) : null}
      {last ? (
        <div className="lesson-paper" data-testid="lesson-paper">
          <p>
            <strong>What the paper found.</strong> {lesson.paper.finding}
          </p>
          <p>
            <a href={lesson.paper.url} target="_blank" rel="noreferrer">
              {lesson.paper.cite}
            </a>
          </p>
        </div>
      ) : null}
      <nav className="lesson-nav">
        <button type="button" disabled={k === 0} onClick={() => go(k - 1)}>
          Back
        </button>
        <span className="lesson-dots" aria-hidden="true">
          {lesson.steps.map((_, i) => (values[i] ? '●' : i === k ? '◉' : '○')).join(' ')}
        </span>
        <button type="button" className={done && !last ? 'primary' : ''} disabled={last} onClick={() => go(k + 1)}>
          Next
        </button>
      </nav>
    </aside>
  );
}
