/** Issue 14: wasm trains on several threads in the worker, and without a choice the worker measures. */
import { expect, test } from '@playwright/test';
import { button, collectProblems, readNumber, tiny, withBackend } from './helpers';

interface Handle {
  pinnPlayground: { state(): { runs: ({ rows: { step: number; loss: number }[] } | null)[] } };
}

test('?threads=2 runs wasm on 2 pthreads in the worker, and it trains (the loss falls)', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto(withBackend(tiny('poisson1d', { steps: 100_000, lr: 0.01 }), 'wasm&threads=2'));
  const label = page.getByTestId('backend');
  await expect(label).toHaveText(/^wasm ×2 threads/);
  await expect(label).toHaveAttribute('data-threads', '2');
  await expect(page.getByTestId('status')).toHaveText('idle');
  await button(page, 'Start').click();
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThanOrEqual(200);
  await button(page, 'Pause').click();
  await expect(page.getByTestId('status')).toHaveText('paused');
  const rows = await page.evaluate(() => (window as unknown as Handle).pinnPlayground.state().runs[0]!.rows);
  const first = rows[0].loss;
  const last = rows.at(-1)!.loss;
  expect(Number.isFinite(last)).toBe(true);
  expect(last, `loss at step ${rows[0].step} ${first}, at step ${rows.at(-1)!.step} ${last}`).toBeLessThan(first / 2);
  expect(problems).toEqual([]);
});

test('without a backend choice the worker times the backends and says why it took one', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto(tiny('poisson1d'));
  const label = page.getByTestId('backend');
  await expect(label).toHaveText(/— fastest measured: /, { timeout: 60_000 });
  const title = (await label.getAttribute('title')) ?? '';
  // every candidate is named with a time per step or why it has none
  for (const b of ['wasm', 'webgpu', 'webgl']) expect(title).toMatch(new RegExp(`\\b${b}\\b[^·]*(ms/step|s/step|: )`));
  // SwiftShader's WebGPU is 50–100× slower than wasm here: wasm must win
  await expect(label).toHaveText(/^wasm/);
  await expect(page).not.toHaveURL(/backend=/); // measuring is not a choice: nothing is remembered
  await button(page, 'Step').click();
  await expect(page.getByTestId('step')).toHaveText('1');
  expect(problems).toEqual([]);
});
