import { expect, test } from '@playwright/test';
import { button, collectProblems, open, traceTypes } from './helpers';

/**
 * Issue 18's UI parts on the real WebGPU path: Muon with NTK weighting and the NTK diagnostic
 * draws per-term spectra in the NTK panel; a PirateNet (random weight factorization on by
 * default) gets gradient histograms, and the panel says they are of the effective weight.
 */
test('NTK spectra stream to their panel; PirateNet histograms say which gradient they show', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = collectProblems(page);
  const ntk =
    'pde=poisson1d&archOptions.depth=1&archOptions.width=8&batch=16&logEvery=2&steps=8&optimizer=muon' +
    '&balancing.method=ntk&balancing.every=4&diagnostics.every=4&diagnostics.kinds=ntk&diagnostics.ntkPoints=6';
  await open(page, `/#${ntk}`);
  await button(page, 'Start').click();
  await expect(page.getByTestId('status')).toHaveText('finished', { timeout: 120_000 });
  await page.getByTestId('ntk-chart').scrollIntoViewIfNeeded(); // off-screen plots skip their draws
  await expect.poll(() => traceTypes(page, 'ntk-chart'), { timeout: 20_000 }).toContain('scatter');
  const names = await page
    .getByTestId('ntk-chart')
    .evaluate((el) => (el as unknown as { data: { name: string }[] }).data.map((d) => d.name));
  expect(names).toEqual(expect.arrayContaining(['K_res · step 4', 'K_bc · step 8']));

  const pirate =
    'pde=poisson1d&arch=pirate_net&archOptions.blocks=1&archOptions.width=8&batch=16&logEvery=2&steps=6' +
    '&diagnostics.every=6&diagnostics.kinds=hist';
  await open(page, `/#${pirate}`);
  await button(page, 'Start').click();
  await expect(page.getByTestId('status')).toHaveText('finished', { timeout: 120_000 });
  await page.getByTestId('histograms-chart').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('histogram-source')).toContainText('effective weight W = V·diag(exp s)', {
    timeout: 20_000,
  });
  expect(problems).toEqual([]);
});
