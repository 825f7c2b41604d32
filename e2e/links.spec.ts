import { expect, test } from '@playwright/test';
import { weightsToSafetensors } from '../src/ui/io/weightsFile';
import { baseConfig } from '../src/engine/config';
import { button, collectProblems, open, readNumber, stepTwice, tiny } from './helpers';

test('a copied URL restores the whole experiment, compare run included', async ({ page, context }) => {
  await open(page, '/');
  await expect(page).toHaveURL(/#v=1&pde=helmholtz&.*&seed=0&/); // the default experiment is a link at once
  await page.getByLabel('PDE').selectOption('wave');
  await page.getByLabel('Width (units per layer)').fill('12');
  await page.getByLabel('Seed').fill('7');
  await page.getByLabel('Balancing method').selectOption('annealing');
  await button(page, 'Compare').click();
  await page.getByRole('radio', { name: 'Edit run B' }).click();
  await page.getByLabel('Learning rate').fill('0.0003');
  await expect(page).toHaveURL(/compare\.lr=0\.0003/);
  const url = page.url();

  const other = await context.newPage();
  await open(other, url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.getByLabel('PDE')).toHaveValue('wave');
  await expect(other.getByLabel('Width (units per layer)')).toHaveValue('12');
  await expect(other.getByLabel('Seed')).toHaveValue('7');
  await expect(other.getByLabel('Balancing method')).toHaveValue('annealing');
  await expect(button(other, 'Compare')).toHaveAttribute('aria-pressed', 'true');
  await expect(other.getByTestId('compare-summary')).toContainText('optimizer = soap');
  await expect(other.getByTestId('compare-summary')).toContainText('lr = 0.0003');
  const same = await Promise.all(
    [page, other].map((p) =>
      p.evaluate(() => {
        const s = (
          window as unknown as { pinnPlayground: { state(): { config: unknown; overrides: unknown } } }
        ).pinnPlayground.state();
        return { config: s.config, overrides: s.overrides };
      }),
    ),
  );
  expect(same[1]).toEqual(same[0]);
});

test('a malformed link shows a clear error and keeps the current experiment', async ({ page }) => {
  const problems = collectProblems(page);
  await open(page, tiny('helmholtz', { seed: 3 }));
  for (const [hash, reason] of [
    ['#pde=navier', /This link could not be loaded: the link's experiment is not valid: pde: unknown value "navier"/],
    ['#batch=-4&pde=wave', /batch: -4 is not an integer/],
    ['#garbage', /"garbage" where a key=value pair belongs/],
    ['#pde=%E0%A4%A', /not valid URL encoding/],
  ] as const) {
    await page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
    await expect(page.getByTestId('message')).toHaveText(reason);
    await expect(page.getByTestId('message')).toContainText('The current experiment was kept.');
    await expect(page.getByLabel('PDE')).toHaveValue('helmholtz');
    await expect(page.getByLabel('Seed')).toHaveValue('3');
  }
  // A malformed link on first load: the default experiment, and the reason.
  await page.goto('/#pde=wave&lr=banana');
  await expect(page.getByTestId('message')).toHaveText(/lr: "banana" is not a number/);
  await expect(page.getByLabel('PDE')).toHaveValue('helmholtz');
  expect(problems).toEqual([]);
});

test('malformed config and weights files show a clear error and keep the run', async ({ page }) => {
  const problems = collectProblems(page);
  await open(page, tiny('poisson1d'));
  const loss = await stepTwice(page);
  const wide = weightsToSafetensors(
    [
      { name: 'layer0.weight', shape: [1, 9], data: new Float32Array(9) },
      { name: 'layer0.bias', shape: [9], data: new Float32Array(9) },
      { name: 'layer1.weight', shape: [9, 1], data: new Float32Array(9) },
      { name: 'layer1.bias', shape: [1], data: new Float32Array(1) },
    ],
    baseConfig,
    0,
  );
  const otherArch = weightsToSafetensors(
    [{ name: 'gate_u.weight', shape: [1, 8], data: new Float32Array(8) }],
    baseConfig,
    0,
  );
  const files: [string, Buffer, RegExp][] = [
    ['notes.json', Buffer.from('this is not JSON'), /notes\.json is not JSON/],
    [
      'config.json',
      Buffer.from('{"pde": "poisson1d", "batch": "many"}'),
      /This config file could not be loaded: config\.json: batch: "many" is not an integer/,
    ],
    [
      'truncated.safetensors',
      Buffer.from(wide.subarray(0, wide.length - 10)),
      new RegExp(
        String.raw`truncated\.safetensors: safetensors: .*data_offsets .* ` +
          String.raw`are not \[begin, end\] within the \d+-byte data|exceeds file size`,
      ),
    ],
    [
      'wide.safetensors',
      Buffer.from(wide),
      new RegExp(
        String.raw`wide\.safetensors was not loaded: weights do not fit this mlp network ` +
          String.raw`.*layer0\.weight has shape \[1,9\], expected \[1,8\]`,
      ),
    ],
    [
      'modified.safetensors',
      Buffer.from(otherArch),
      /modified\.safetensors was not loaded: .*missing layer0\.weight.*unexpected gate_u\.weight/,
    ],
    [
      'w.json',
      Buffer.from('[{"name": "layer0.weight", "shape": [1, 8], "data": [1, 2]}]'),
      /w\.json: layer0\.weight has 2 values for shape \[1, 8\]/,
    ],
  ];
  for (const [name, buffer, reason] of files) {
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await expect(page.getByTestId('import-note')).toHaveText(reason);
    await expect(page.getByTestId('step')).toHaveText('2');
    await expect(page.getByTestId('loss')).toHaveText(loss);
    await expect(page.getByLabel('PDE')).toHaveValue('poisson1d');
    await page.getByRole('button', { name: 'Dismiss import note' }).click();
  }
  // The run still trains.
  await button(page, 'Step').click();
  await expect(page.getByTestId('step')).toHaveText('3');
  expect(await readNumber(page, 'step')).toBe(3);
  expect(problems).toEqual([]);
});
