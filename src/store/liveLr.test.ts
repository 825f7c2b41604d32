import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveLr } from './liveLr';

describe('LiveLr', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Type `text` key by key into a number field bound to the rates, as NumberField reports it. */
  function typing(live: LiveLr, rates: number[], text: string) {
    for (let i = 1; i <= text.length; i++) {
      const n = Number(text.slice(0, i));
      if (Number.isFinite(n) && n > 0) {
        rates[0] = n; // the field reports every parse-able prefix: 1, then 1e-4
        live.edited();
      }
      vi.advanceTimersByTime(150);
    }
  }

  it('never applies an intermediate value: typing 1e-4 sends only 1e-4, on commit', () => {
    const sent: [number, number][] = [];
    const rates = [1e-3];
    const live = new LiveLr(
      (run, lr) => sent.push([run, lr]),
      () => rates,
      1500,
    );
    live.started([1e-3]);
    typing(live, rates, '1e-4');
    expect(sent).toEqual([]);
    live.commit();
    expect(sent).toEqual([[0, 1e-4]]);
    live.commit();
    expect(sent).toHaveLength(1);
  });

  it('applies after a pause in typing, and not at all without a running run', () => {
    const sent: [number, number][] = [];
    const rates = [1e-3, 1e-3];
    const live = new LiveLr(
      (run, lr) => sent.push([run, lr]),
      () => rates,
      1500,
    );
    rates[0] = 0.01;
    live.edited();
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([]); // nothing in force: Start will send the config
    live.started([1e-3, 1e-3]);
    rates[1] = 5e-4;
    live.edited();
    vi.advanceTimersByTime(1499);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([
      [0, 0.01],
      [1, 5e-4],
    ]);
    live.cleared();
    rates[0] = 0.1;
    live.commit();
    expect(sent).toHaveLength(2);
  });

  it('sends nothing for edits made while stopped (Start sends the configs), even on a later commit', () => {
    const sent: [number, number][] = [];
    const rates = [10];
    const live = new LiveLr(
      (run, lr) => sent.push([run, lr]),
      () => rates,
      1500,
    );
    live.started([10]);
    live.settled(); // the run diverged and stopped
    rates[0] = 1e-4; // edited while stopped: no edited() call
    live.commit(); // the field loses focus
    expect(sent).toEqual([]);
    live.edited();
    live.settled(); // paused before the commit
    live.commit();
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([]);
  });
});
