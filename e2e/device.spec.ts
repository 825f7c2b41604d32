import { expect, test } from '@playwright/test';
import { button, collectProblems, open, readNumber, tiny } from './helpers';

test('a lost WebGPU device falls back to the next backend, says why, and training resumes', async ({ page }) => {
  const problems = collectProblems(page);
  await open(page, tiny('poisson1d'));
  await button(page, 'Start').click();
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThanOrEqual(6);
  await page.evaluate(() => (window as unknown as { pinnPlayground: { loseDevice(): void } }).pinnPlayground.loseDevice());

  await expect(page.getByTestId('backend')).toHaveText(/^(webgl|wasm|cpu)/, { timeout: 60_000 });
  await expect(page.getByTestId('message')).toHaveText(/Switched backend: webgpu: the WebGPU device was lost \(.+\) → using (webgl|wasm|cpu), resumed from the last saved weights/);
  await expect(page.getByTestId('status')).toHaveText('running');
  const resumedAt = await readNumber(page, 'step');
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThan(resumedAt + 4);
  await button(page, 'Pause').click();
  await expect(page.getByTestId('status')).toHaveText('paused');
  // tfjs may log the lost device itself; nothing else may go wrong.
  expect(problems.filter((p) => !/device|GPU|WebGPU|destroyed/i.test(p))).toEqual([]);
});

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
