import { expect, test } from '@playwright/test';
import {
  button,
  collectProblems,
  open,
  paused,
  readNumber,
  readValue,
  solutionStep,
  tiny,
  traceTypes,
} from './helpers';

test('compare mode trains Adam and SOAP from the same start: identical first-step losses, then side by side', async ({
  page,
}) => {
  const problems = collectProblems(page);
  await open(page, tiny('helmholtz'));
  await button(page, 'Compare').click();
  await expect(button(page, 'Compare')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('compare-summary')).toContainText('optimizer = soap');
  await expect(page).toHaveURL(/compare\.optimizer=soap/);

  await button(page, 'Step').click();
  await expect(page.getByTestId('step')).toHaveText('1');
  await expect(page.getByTestId('step-b')).toHaveText('1');
  await paused(page);
  const a = await readValue(page, 'loss');
  const b = await readValue(page, 'loss-b');
  expect(Number.isFinite(a)).toBe(true);
  expect(b).toBe(a); // same seed: same initial weights and the same collocation batch

  await button(page, 'Start').click();
  // Past step 11: SOAP's eigenbases were computed (step 1) and refreshed (step 10) through the
  // WebGPU path that reads the factors between steps (`settle`).
  await expect.poll(() => readNumber(page, 'step-b'), { timeout: 90_000 }).toBeGreaterThanOrEqual(12);
  await button(page, 'Pause').click();
  await paused(page);
  expect(await readValue(page, 'loss-b')).not.toBe(await readValue(page, 'loss'));
  expect(Number.isFinite(await readValue(page, 'loss-b'))).toBe(true);

  // One combined loss plot (A solid, B dashed) and the solution of both runs on linked axes.
  const names = await page
    .getByTestId('loss-chart')
    .evaluate((el) => (el as unknown as { data: { name: string }[] }).data.map((d) => d.name));
  expect(names).toEqual(expect.arrayContaining(['L_res (A)', 'L_res (B)', 'rel. L2 error (A)', 'rel. L2 error (B)']));
  await expect.poll(() => solutionStep(page, 'data-step-b')).toBeGreaterThan(0);
  expect(await traceTypes(page, 'solution-chart')).toEqual(Array(6).fill('heatmap'));
  const matches = await page
    .getByTestId('solution-chart')
    .evaluate((el) => (el as unknown as { layout: Record<string, { matches?: string }> }).layout.xaxis4.matches);
  expect(matches).toBe('x');

  // Editing run B changes only B; the section shows that it differs.
  await page.getByRole('radio', { name: 'Edit run B' }).click();
  await expect(page.getByLabel('Optimizer', { exact: true })).toHaveValue('soap');
  await page.getByRole('radio', { name: 'Edit run A' }).click();
  await expect(page.getByLabel('Optimizer', { exact: true })).toHaveValue('adam');
  expect(problems).toEqual([]);
});

test('a preset loads in one click and turns on compare where it has a second run', async ({ page }) => {
  await open(page, '/');
  await page.getByLabel('Preset').selectOption('helmholtz_mlp_vs_modified');
  await expect(button(page, 'Compare')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('compare-summary')).toContainText('arch = modified_mlp');
  await expect(page.getByLabel('PDE')).toHaveValue('helmholtz');
  await expect(page.getByLabel('Steps', { exact: true })).toHaveValue('40000');
  await page.getByLabel('Preset').selectOption('poisson_stiff');
  await expect(button(page, 'Compare')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByLabel('C (frequency) [0.1, 32]')).toHaveValue('8');
});
