import { expect, test } from '@playwright/test';
import { button, collectProblems, open, tiny } from './helpers';

test("per-term points and annealing's base weight: from a link, edited, checked, in the link again", async ({
  page,
}) => {
  const problems = collectProblems(page);
  await open(page, tiny('helmholtz', { 'termBatch.bc': 40, 'balancing.method': 'annealing', 'lossWeights.bc': 4 }));
  await expect(page.getByLabel('Base weight of bc', { exact: true })).toHaveValue('4');
  await expect(page.getByLabel('Points of bc per step', { exact: true })).toHaveValue('40');
  // unset terms show the batch
  const res = page.getByLabel('Points of res per step', { exact: true });
  await expect(res).toHaveValue('16');
  await res.fill('0');
  await expect(res).toHaveAttribute('aria-invalid', 'true');
  await expect(button(page, 'Start')).toBeDisabled();
  await res.fill('24');
  await res.blur();
  await expect(page).toHaveURL(/termBatch\.res=24/);
  await expect(page).toHaveURL(/termBatch\.bc=40/);
  await expect(button(page, 'Start')).toBeEnabled();
  // a link naming a term the PDE lacks is refused with the field named, nothing trains
  await page.evaluate(() => {
    window.location.hash = 'pde=helmholtz&termBatch.edge=40';
  });
  await expect(page.getByTestId('message')).toContainText("termBatch.edge: helmholtz has no loss term 'edge'");
  await expect(page.getByLabel('Points of bc per step', { exact: true })).toHaveValue('40'); // the kept experiment
  expect(problems).toEqual([]);
});
