/** Issue 16, item 1: a learning rate typed into a running run applies only complete, on Enter (never `1` of `1e-4`). */
import { expect, test } from '@playwright/test';
import { button, collectProblems, downloadOf, openWasm, paused, readNumber, tiny } from './helpers';

test('typing 1e-4 key by key into a running run applies 1e-4 on Enter and no step ever runs at lr = 1', async ({
  page,
}) => {
  const problems = collectProblems(page);
  await openWasm(page, tiny('poisson1d', { lr: 0.001, steps: 100000, 'diagnostics.every': 0 }));
  await button(page, 'Start').click();
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThanOrEqual(10);
  const lr = page.getByTestId('lr');
  await lr.fill('');
  await lr.pressSequentially('1e-4', { delay: 150 }); // the field parses "1" on the way
  const typedAt = await readNumber(page, 'step');
  await lr.press('Enter');
  await expect.poll(() => readNumber(page, 'step')).toBeGreaterThanOrEqual(typedAt + 20);
  await button(page, 'Pause').click();
  await paused(page);

  await button(page, 'Export').click();
  const csv = (await downloadOf(page, () => button(page, 'Metrics (.csv)').click())).bytes
    .toString('utf8')
    .trim()
    .split('\n');
  const cols = csv[0].split(',');
  expect(cols).toContain('lr');
  const rows = csv.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], Number(v)])));
  const rates = [...new Set(rows.map((r) => r.lr))];
  expect(rates).toEqual([0.001, 0.0001]); // never 1
  expect(rows.at(-1)!.lr).toBe(0.0001);
  expect(rows.every((r) => Number.isFinite(r.loss) && r.loss < 100)).toBe(true);
  expect(problems).toEqual([]);
});
