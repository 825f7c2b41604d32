import { expect, test, type Page } from '@playwright/test';
import {
  button,
  collectProblems,
  downloadOf,
  open,
  paused,
  readNumber,
  readValue,
  solutionStep,
  tiny,
  traceTypes,
} from './helpers';

/** The residual's text area (its label also starts "Residual" like the residual-gradient diagnostic's). */
const residual = (page: Page) => page.getByRole('textbox', { name: 'Residual = 0' });

/** The experiment the store holds (what Start would train). */
const config = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { pinnPlayground: { state(): { config: Record<string, unknown> } } }).pinnPlayground.state()
        .config,
  );

test(
  'a typed PDE: Burgers from the template trains on WebGPU and shows its residual; ' +
    'a bad expression is pointed at and changes nothing',
  async ({ page }) => {
    const problems = collectProblems(page);
    await open(page, tiny('poisson1d', { steps: 5000 }));
    await page.getByLabel('PDE').selectOption('custom');
    await page.getByLabel('Template').selectOption('burgers');
    await expect(residual(page)).toHaveValue('u_t + u*u_x - nu*u_xx');
    await expect(page.getByTestId('custom-status')).toHaveText('Not applied yet: runs still train 1-D Poisson.');
    expect((await config(page)).pde).toBe('poisson1d');

    await button(page, 'Apply').click();
    await expect(page.getByTestId('custom-status')).toHaveText('Applied: Start trains this PDE.');
    await expect(page).toHaveURL(
      /#v=1&pde=custom&custom\.axes=t,x&.*&custom\.residual=u_t%20%2B%20u\*u_x%20-%20nu\*u_xx&/,
    );
    expect(await config(page)).toMatchObject({
      pde: 'custom',
      custom: { residual: 'u_t + u*u_x - nu*u_xx' },
      params: { nu: 0.01 / Math.PI },
    });
    await expect(page.getByTestId('config-error')).toHaveCount(0); // the worker agrees it is valid
    for (const term of ['res', 'ic', 'bc']) await expect(page.getByLabel(`Weight of ${term}`)).toHaveValue('1');
    await page.getByLabel('Weight of bc').fill('10');
    await page.getByLabel('Weight of bc').blur();
    await expect.poll(async () => (await config(page)).lossWeights).toMatchObject({ bc: 10 });

    await button(page, 'Start').click();
    await expect(residual(page)).toBeDisabled(); // no editing while training
    await expect.poll(() => readValue(page, 'loss'), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => solutionStep(page), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect(page.getByTestId('backend')).toHaveText(/^webgpu/);
    expect(await traceTypes(page, 'solution-chart')).toContain('heatmap');
    // no reference: the residual takes the error's place
    await expect(page.getByTestId('solution-chart')).toContainText('|residual| u');
    await expect(page.getByTestId('rel-l2')).toHaveText('—'); // and there is no error to show
    await expect(page.getByTestId('loss-chart')).not.toContainText('rel. L2');
    await button(page, 'Pause').click();
    await paused(page);
    const step = await readNumber(page, 'step');
    const url = page.url();

    await residual(page).fill('u_t + u*u_q');
    const error = page.getByTestId('custom-error');
    await expect(error).toHaveAttribute('data-field', 'residual');
    await expect(error).toContainText("derivative u_q: 'q' is not an axis (axes: t, x) (column 11)");
    await expect(page.getByTestId('custom-error-pointer')).toHaveText('u_t + u*u_q\n          ^');
    await expect(residual(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(button(page, 'Apply')).toBeDisabled();
    expect(await config(page)).toMatchObject({ pde: 'custom', custom: { residual: 'u_t + u*u_x - nu*u_xx' } });
    expect(page.url()).toBe(url);
    // The run goes on with the applied PDE.
    await button(page, 'Step').click();
    await expect(page.getByTestId('step')).toHaveText(String(step + 1));
    expect(problems).toEqual([]);
  },
);

test('a typed PDE survives a reload of its link and goes into the exported config', async ({ page }) => {
  const problems = collectProblems(page);
  await open(page, tiny('poisson1d'));
  await page.getByLabel('PDE').selectOption('custom');
  await page.getByLabel('Template').selectOption('wave');
  await page.getByLabel('Name').fill('Slow wave');
  await page.getByLabel('Parameters').fill('c = 1/2');
  await page.getByLabel('u(0, x) =').fill('sin(2*pi*x)');
  await page.getByLabel('Boundary in x').selectOption('periodic');
  await button(page, 'Apply').click();
  await expect(page.getByTestId('custom-status')).toHaveText('Applied: Start trains this PDE.');
  const applied = await config(page);
  expect(applied).toMatchObject({
    pde: 'custom',
    params: { c: 0.5 },
    custom: {
      label: 'Slow wave',
      residual: 'u_tt - c^2*u_xx',
      ic: 'sin(2*pi*x)',
      ic_t: '0',
      bcs: [{ kind: 'periodic', axis: 'x' }],
    },
  });

  await page.reload();
  await expect(page.getByTestId('backend')).toHaveText(/^webgpu/);
  await expect(page.getByLabel('PDE')).toHaveValue('custom');
  await expect(page.getByLabel('Name')).toHaveValue('Slow wave');
  await expect(page.getByLabel('Parameters')).toHaveValue('c = 0.5');
  await expect(page.getByLabel('u(0, x) =')).toHaveValue('sin(2*pi*x)');
  await expect(page.getByLabel('Boundary in x')).toHaveValue('periodic');
  await expect(page.getByTestId('custom-status')).toHaveText('Applied: Start trains this PDE.');
  expect(await config(page)).toEqual(applied);
  await expect(page.getByTestId('message')).toHaveCount(0);
  await button(page, 'Export').click();
  const file = await downloadOf(page, () => button(page, 'Config (.json)').click());
  expect(JSON.parse(file.bytes.toString('utf8'))).toEqual(applied);
  expect(problems).toEqual([]);
});
