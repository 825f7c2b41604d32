import { expect, test } from '@playwright/test';
import { button, collectProblems, open, readNumber, tiny } from './helpers';

/** The page's store (see src/main.tsx), typed as far as these tests read it. */
interface Handle {
  pinnPlayground: { loseDevice(): void; state(): { runs: ({ rows: Record<string, number>[] } | null)[] } };
}

test(
  'a lost WebGPU device falls back to the next backend, says why, ' + 'and training resumes on the same trajectory',
  async ({ page }) => {
    const problems = collectProblems(page);
    await open(page, tiny('poisson1d', { steps: 100_000 }));
    await button(page, 'Start').click();
    await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThanOrEqual(6);
    // past the worker's first 5 s save interval, so that it resumes from a state saved after step 0
    await page.waitForTimeout(5500);
    const lostAt = await page.evaluate(() => {
      const w = window as unknown as Handle & { rowsBeforeLoss: unknown };
      w.rowsBeforeLoss = w.pinnPlayground.state().runs[0]!.rows;
      w.pinnPlayground.loseDevice();
      return (w.rowsBeforeLoss as { step: number }[]).at(-1)!.step;
    });

    await expect(page.getByTestId('backend')).toHaveText(/^(webgl|wasm|cpu)/, { timeout: 60_000 });
    await expect(page.getByTestId('message')).toHaveText(
      new RegExp(
        String.raw`Switched backend: webgpu: the WebGPU device was lost \(.+\) → using (webgl|wasm|cpu), ` +
          String.raw`resumed from the last saved weights and optimizer state`,
      ),
    );
    await expect(page.getByTestId('status')).toHaveText('running');
    const resumedAt = await readNumber(page, 'step');
    await expect
      .poll(() => readNumber(page, 'step'), { timeout: 60_000 })
      .toBeGreaterThan(Math.max(resumedAt, lostAt) + 4);
    // Rows logged again after the resume, at steps already logged before the loss, repeat them:
    // the same collocation points and optimizer state, only the backend's rounding differs
    // (a restart from the weights alone would draw other points: losses off by tens of %).
    const pairs = await page.evaluate(() => {
      const w = window as unknown as Handle & { rowsBeforeLoss: Record<string, number>[] };
      const before = new Map(w.rowsBeforeLoss.map((r) => [r.step, r]));
      return w.pinnPlayground
        .state()
        .runs[0]!.rows.filter((r) => !w.rowsBeforeLoss.includes(r) && before.has(r.step))
        .map((r) => ({ step: r.step, before: before.get(r.step)!.loss, after: r.loss }));
    });
    for (const p of pairs) expect(Math.abs(p.after - p.before) / p.before, `loss at step ${p.step}`).toBeLessThan(0.02);
    await button(page, 'Pause').click();
    await expect(page.getByTestId('status')).toHaveText('paused');
    // tfjs may log the lost device itself; nothing else may go wrong.
    expect(problems.filter((p) => !/device|GPU|WebGPU|destroyed/i.test(p))).toEqual([]);
  },
);

test('the backend preference restarts the worker on the chosen backend and goes into the link', async ({ page }) => {
  const problems = collectProblems(page);
  await open(page, tiny('poisson1d'));
  await page.getByLabel('Backend preference').selectOption('wasm');
  await expect(page.getByTestId('backend')).toHaveText(/^wasm/);
  await expect(page).toHaveURL(/backend=wasm/);
  await button(page, 'Step').click();
  await expect(page.getByTestId('step')).toHaveText('1');
  expect(problems).toEqual([]);
});
