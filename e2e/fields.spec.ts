import { expect, test, type Page } from '@playwright/test';
import { button, collectProblems, open, tiny } from './helpers';

/** The message shown beside the field labelled `label` (its aria-describedby target). */
async function problemOf(page: Page, label: string): Promise<string | null> {
  const id = await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby');
  return id ? page.locator(`[id="${id}"]`).textContent() : null;
}

test('an out-of-range value: a message beside the field, the field outlined, Start disabled until fixed', async ({
  page,
}) => {
  const problems = collectProblems(page);
  await open(page, tiny('poisson1d'));
  const lr = page.getByLabel('Learning rate', { exact: true });
  await lr.fill('1e9');
  await expect(lr).toHaveAttribute('aria-invalid', 'true');
  expect(await problemOf(page, 'Learning rate')).toBe('must be in [1e-8, 10]');
  await expect(button(page, 'Start')).toBeDisabled();
  await expect(button(page, 'Step')).toBeDisabled();
  await expect(button(page, 'Start')).toHaveAttribute('title', 'Learning rate: must be in [1e-8, 10]');
  expect(await lr.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await expect(page).not.toHaveURL(/lr=1e9|lr=1000000000/); // never applied

  const width = page.getByLabel('Width (units per layer)', { exact: true });
  await width.fill('-3');
  expect(await problemOf(page, 'Width (units per layer)')).toBe('must be in [1, 512]');
  await page.getByLabel('Hidden layers', { exact: true }).fill('2.5');
  expect(await problemOf(page, 'Hidden layers')).toBe('must be a whole number');

  await lr.fill('0.002');
  await width.fill('8');
  await page.getByLabel('Hidden layers', { exact: true }).fill('1');
  await expect(lr).not.toHaveAttribute('aria-invalid', 'true');
  await expect(button(page, 'Start')).toBeEnabled();
  await expect(page).toHaveURL(/lr=0\.002/);
  expect(problems).toEqual([]);
});

test('labels, tooltips, checkboxes and method defaults come from the schema', async ({ page }) => {
  await open(page, tiny('poisson1d'));
  // labels from the schema, never a raw key
  await expect(page.getByLabel('Schedule: Cosine decay (steps)', { exact: true })).toHaveValue('0');
  await expect(page.getByText('cosineSteps', { exact: true })).toHaveCount(0);
  // Nesterov is a checkbox
  await page.getByRole('combobox', { name: 'Optimizer', exact: true }).selectOption('sgd');
  const nesterov = page.getByLabel('Nesterov', { exact: true });
  await expect(nesterov).toHaveAttribute('type', 'checkbox');
  await nesterov.check();
  await expect(page).toHaveURL(/optimizerOptions\.nesterov=true/);
  // switching the balancing method switches its defaults
  await page.getByLabel('Balancing method', { exact: true }).selectOption('annealing');
  await expect(page.getByLabel('Rebalance every (steps)', { exact: true })).toHaveValue('10');
  await page.getByLabel('Balancing method', { exact: true }).selectOption('gradnorm');
  await expect(page.getByLabel('Rebalance every (steps)', { exact: true })).toHaveValue('100');
  // every field of the settings has a tooltip
  const untitled = await page
    .locator('aside.controls .field')
    .evaluateAll((els) => els.filter((e) => !e.getAttribute('title')).map((e) => e.textContent));
  expect(untitled).toEqual([]);
  // no select truncates its chosen option
  const cut = await page.locator('aside.controls .field select').evaluateAll((els) =>
    els.flatMap((el) => {
      const s = el as HTMLSelectElement;
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = getComputedStyle(s).font;
      const text = s.selectedOptions[0]?.text ?? '';
      return ctx.measureText(text).width > s.clientWidth - 24 ? [text] : [];
    }),
  );
  expect(cut).toEqual([]);
});
