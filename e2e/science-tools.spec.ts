import { expect, test } from '@playwright/test';
import { button, collectProblems, paused, readNumber, readValue, tiny } from './helpers';

/**
 * Open a tiny experiment on wasm: the dense Hessians (Newton, the landscape's eigenvectors) cost
 * 2n gradient reads each, which SwiftShader's WebGPU makes slow.
 */
async function open(page: import('@playwright/test').Page, path: string): Promise<void> {
  await page.goto(`${path}&backend=wasm`);
  await expect(page.getByTestId('backend')).toHaveText(/^wasm/, { timeout: 60_000 });
  await expect(page.getByLabel('PDE')).toBeEnabled();
  await expect(page.getByTestId('message')).toHaveCount(0);
}

test.setTimeout(300_000);

/** The traces' names on a chart. */
const names = (page: import('@playwright/test').Page, id: string) =>
  page
    .getByTestId(id)
    .evaluate((el) => ((el as unknown as { data?: { name?: string }[] }).data ?? []).map((d) => d.name ?? ''));

test('RAD + hard constraints: only residual points in the collocation panel; the landscape on demand', async ({
  page,
}) => {
  const problems = collectProblems(page);
  await open(
    page,
    tiny('burgers', {
      'sampling.method': 'rad',
      'sampling.every': 4,
      'sampling.candidates': 256,
      hardConstraints: 'true',
    }),
  );
  await expect(page.getByLabel('Residual points')).toHaveValue('rad');
  await expect(page.getByLabel('Impose ic, bc exactly (hard constraint)')).toBeChecked();

  await button(page, 'Start').click();
  await expect.poll(() => readNumber(page, 'step'), { timeout: 90_000 }).toBeGreaterThanOrEqual(12);
  await button(page, 'Pause').click();
  await paused(page);
  // ic and bc are imposed by u = −sin πx + t(1 − x²)·N: no loss terms, and the panels say so
  await expect(page.locator('[data-panel="loss"] h2')).toContainText('ic, bc imposed exactly');
  await expect
    .poll(() => page.getByTestId('collocation-chart').getAttribute('data-step'), { timeout: 30_000 })
    .not.toBe('');
  await page.getByTestId('collocation-chart').scrollIntoViewIfNeeded(); // plots off screen skip their draws
  await expect.poll(() => names(page, 'collocation-chart')).toEqual(['res (16)']);
  await expect(page.locator('[data-panel="collocation"] h2')).toContainText('RAD');

  await page.getByTestId('landscape-chart').scrollIntoViewIfNeeded();
  await page.getByTestId('landscape-compute').click();
  await expect
    .poll(() => page.getByTestId('landscape-chart').getAttribute('data-step'), { timeout: 120_000 })
    .toBe(String(await readNumber(page, 'step')));
  await expect.poll(() => names(page, 'landscape-chart')).toHaveLength(3);
  const traces = await names(page, 'landscape-chart');
  expect(traces[0]).toMatch(/^top eigenvector \(λ = /);
  expect(traces[1]).toMatch(/^bottom eigenvector \(λ = /);
  expect(problems).toEqual([]);
});

test('exact-Hessian Newton is an optimizer choice for a tiny net, and too big a net is refused by name', async ({
  page,
}) => {
  const problems = collectProblems(page);
  await open(page, tiny('poisson1d', { optimizer: 'newton', 'optimizerOptions.damped': 'true' }));
  await expect(page.getByRole('group', { name: 'Optimizer' }).getByLabel('Optimizer')).toHaveValue('newton');
  await button(page, 'Step').click();
  await paused(page);
  const first = await readValue(page, 'loss');
  for (let k = 2; k <= 4; k++) {
    await button(page, 'Step').click();
    await expect.poll(() => readNumber(page, 'step')).toBe(k);
  }
  await paused(page);
  expect(await readValue(page, 'loss')).toBeLessThan(first); // LM-damped Newton steps only go down

  await page.getByLabel('Width (units per layer)').fill('400');
  await page.getByLabel('Width (units per layer)').blur();
  await button(page, 'Step').click();
  await expect(page.getByTestId('message')).toContainText('more than optimizerOptions.maxParams = 1000');
  expect(problems.filter((p) => !p.includes('maxParams'))).toEqual([]);
});
