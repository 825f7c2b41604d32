import { expect, test, type Page } from '@playwright/test';
import { button, collectProblems, downloadOf, open, paused, tiny, traceTypes } from './helpers';

/** The names of the flow chart's named traces (the centreline profiles). */
const profiles = (page: Page) =>
  page
    .getByTestId('flow-chart')
    .evaluate((el) =>
      ((el as unknown as { data?: { name?: string; mode?: string }[] }).data ?? [])
        .filter((d) => d.mode === 'lines' && d.name)
        .map((d) => d.name),
    );
const flowStep = async (page: Page, attr = 'data-step') =>
  Number((await page.getByTestId('flow-chart').getAttribute(attr)) || 0);

test(
  'the lid-driven cavity shows its flow: speed heatmaps with streamlines and the centreline, ' +
    'for one run and for two',
  async ({ page }) => {
    test.setTimeout(240_000);
    const problems = collectProblems(page);
    await open(page, tiny('poisson1d'));
    await expect(page.locator('[data-panel="flow"]')).toHaveCount(0); // not a plane flow

    await open(page, tiny('ldc'));
    const panel = page.locator('[data-panel="flow"]');
    await expect(panel.getByText('Press Start or Step')).toBeVisible();
    await button(page, 'Start').click();
    // The first evaluation follows the finite-difference reference (a few seconds).
    await expect.poll(() => flowStep(page), { timeout: 120_000 }).toBeGreaterThan(0);
    await button(page, 'Pause').click();
    await paused(page);
    // Below the loss plot (clicking the run buttons scrolls up); plots off screen skip their draws.
    await panel.scrollIntoViewIfNeeded();
    // heatmap + streamlines + arrowheads per speed plot, two centreline profiles, Ghia's points (Re = 100)
    await expect
      .poll(() => traceTypes(page, 'flow-chart'))
      .toEqual(['heatmap', 'scatter', 'scatter', 'heatmap', 'scatter', 'scatter', 'scatter', 'scatter', 'scatter']);
    expect(await profiles(page)).toEqual(['prediction', 'reference']);
    const ghia = await page
      .getByTestId('flow-chart')
      .evaluate(
        (el) =>
          (el as unknown as { data: { name?: string; x: number[] }[] }).data.find(
            (d) => d.name === 'Ghia et al. (1982)',
          )?.x.length ?? 0,
      );
    expect(ghia).toBe(17);
    const streamlinePoints = await page
      .getByTestId('flow-chart')
      .evaluate((el) => (el as unknown as { data: { x: unknown[] }[] }).data[4].x.length);
    expect(streamlinePoints).toBeGreaterThan(100); // the reference's streamlines
    const png = await downloadOf(page, () => page.getByRole('button', { name: 'Save the Flow plot as PNG' }).click());
    expect(png.name).toBe('pinn-flow.png');

    // Compare: one Step evaluates both runs; the centreline shows A, B and the shared reference.
    await button(page, 'Compare').click();
    await expect(button(page, 'Compare')).toHaveAttribute('aria-pressed', 'true');
    await button(page, 'Step').click();
    await expect.poll(() => flowStep(page, 'data-step-b'), { timeout: 120_000 }).toBeGreaterThan(0);
    await panel.scrollIntoViewIfNeeded();
    await expect.poll(() => profiles(page)).toEqual(['A', 'B', 'reference']);
    expect(problems).toEqual([]);
  },
);
