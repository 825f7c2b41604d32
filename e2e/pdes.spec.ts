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

/** The PDEs the issue names; the test trains every PDE the catalog offers, these included. */
const required = ['poisson1d', 'helmholtz', 'klein_gordon', 'wave', 'advection', 'burgers', 'allen_cahn', 'kdv', 'ks'];

test('every PDE trains on WebGPU and its loss and solution plots update', async ({ page }) => {
  test.setTimeout(300_000);
  const problems = collectProblems(page);
  await open(page, tiny('poisson1d'));
  const pdes = await page.evaluate(() => {
    const s = (
      window as unknown as { pinnPlayground: { state(): { catalog: { pdes: { id: string; axes: string[] }[] } } } }
    ).pinnPlayground.state();
    return s.catalog.pdes.map((p) => [p.id, p.axes.length === 1 ? 'scatter' : 'heatmap'] as const);
  });
  expect(pdes.map(([id]) => id)).toEqual(expect.arrayContaining(required));

  for (const [id, plot] of pdes) {
    await test.step(id, async () => {
      await page.getByLabel('PDE').selectOption(id);
      await button(page, 'Start').click();
      await expect(page.getByTestId('status')).toHaveText('running');
      // A first loss reading and a first solution snapshot (spectral references take a few seconds first).
      await expect.poll(() => readValue(page, 'loss'), { timeout: 60_000 }).toBeGreaterThan(0);
      await expect.poll(() => solutionStep(page), { timeout: 60_000 }).toBeGreaterThan(0);
      expect(await traceTypes(page, 'solution-chart')).toContain(plot);
      await expect(page.getByTestId('backend')).toHaveText(/^webgpu/);
      await button(page, 'Pause').click();
      await paused(page);
      // Step evaluates at once: the solution plot moves to the new step.
      const at = await readNumber(page, 'step');
      await button(page, 'Step').click();
      await expect(page.getByTestId('step')).toHaveText(String(at + 1));
      await expect.poll(() => solutionStep(page)).toBe(at + 1);
      expect(await traceTypes(page, 'loss-chart')).toContain('scatter');
      await button(page, 'Reset').click();
      await expect(page.getByTestId('step')).toHaveText('0');
    });
  }
  expect(problems).toEqual([]);
});
