import { expect, test, type Page } from '@playwright/test';

/** The number shown in a data-testid element (NaN while it shows a placeholder). */
async function readNumber(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).textContent())?.trim());
}

test('trains 1-D Poisson on WebGPU in the worker and the loss falls', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('worker', (w) => w.on('console', (m) => {
    if (m.type() === 'error') problems.push(`worker console: ${m.text()}`);
  }));

  await page.goto('/');
  await expect(page).toHaveTitle('PINN Playground');
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);

  // The worker picked WebGPU (SwiftShader adapter) as its first choice.
  await expect(page.getByTestId('backend')).toHaveText(/^webgpu/);

  await page.getByLabel('PDE').selectOption('poisson1d');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('running');

  // First loss reading.
  await expect(page.getByTestId('loss')).toHaveText(/^[-+0-9.e]+$/);
  const firstStep = await readNumber(page, 'step');
  const firstLoss = await readNumber(page, 'loss');
  expect(firstStep).toBeGreaterThan(0);
  expect(Number.isFinite(firstLoss)).toBe(true);

  // Train a while, then the loss must be lower and an evaluation must have arrived.
  const target = 40;
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThanOrEqual(target);
  const laterLoss = await readNumber(page, 'loss');
  expect(laterLoss).toBeLessThan(firstLoss);
  await expect(page.getByTestId('rel-l2')).toHaveText(/^[0-9.e+-]+$/);
  await expect(page.getByTestId('loss-chart').locator('.scatterlayer .trace')).toHaveCount(3);
  await expect(page.getByTestId('solution-chart').locator('.scatterlayer .trace')).toHaveCount(2);

  // Pause stops the step counter.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('paused');
  const pausedAt = await readNumber(page, 'step');
  await page.waitForTimeout(500);
  expect(await readNumber(page, 'step')).toBe(pausedAt);

  // Step advances exactly one step; Reset clears the run.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('step')).toHaveText(String(pausedAt + 1));
  if (process.env.UPDATE_SCREENSHOT) await page.screenshot({ path: 'docs/screenshot.png', fullPage: true });
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByTestId('step')).toHaveText('0');
  await expect(page.getByTestId('loss')).toHaveText('—');

  expect(problems).toEqual([]);
});
