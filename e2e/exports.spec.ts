import { expect, test, type Page } from '@playwright/test';
import { button, collectProblems, downloadOf, open, paused, readNumber, readValue, tiny } from './helpers';

/** Parse a safetensors file by its spec: u64 LE header length, JSON header, F32 data at the offsets. */
function parseSafetensors(b: Buffer): {
  header: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
  meta: Record<string, string>;
  dataBytes: number;
} {
  const n = Number(b.readBigUInt64LE(0));
  const raw = JSON.parse(b.subarray(8, 8 + n).toString('utf8'));
  const { __metadata__: meta, ...header } = raw;
  return { header, meta, dataBytes: b.length - 8 - n };
}

async function openExport(page: Page) {
  if ((await button(page, 'Export').getAttribute('aria-expanded')) !== 'true') await button(page, 'Export').click();
}

test('every export downloads a file that parses, and imported config and weights continue the experiment', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = collectProblems(page);
  await open(page, tiny('poisson1d', { seed: 5 }));
  await button(page, 'Start').click();
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThanOrEqual(8);
  await button(page, 'Pause').click();
  await paused(page);
  const step = await readNumber(page, 'step');
  await openExport(page);

  // Weights as safetensors: header, dtypes, shapes, offsets and sizes agree; metadata holds the config.
  const st = await downloadOf(page, () => button(page, 'Weights (.safetensors)').click());
  expect(st.name).toMatch(new RegExp(`^poisson1d-mlp-adam-seed5-step${step}\\.safetensors$`));
  const { header, meta, dataBytes } = parseSafetensors(st.bytes);
  const names = Object.keys(header);
  expect(names).toEqual(['layer0.weight', 'layer0.bias', 'layer1.weight', 'layer1.bias']);
  let end = 0;
  for (const h of Object.values(header)) {
    expect(h.dtype).toBe('F32');
    expect(h.data_offsets[1] - h.data_offsets[0]).toBe(4 * h.shape.reduce((a, c) => a * c, 1));
    expect(h.data_offsets[0]).toBe(end);
    end = h.data_offsets[1];
  }
  expect(dataBytes).toBe(end);
  expect(header['layer0.weight'].shape).toEqual([1, 8]);
  expect(JSON.parse(meta.config)).toMatchObject({ pde: 'poisson1d', seed: 5, archOptions: { width: 8, depth: 1 } });
  expect(meta.step).toBe(String(step));

  // Weights as JSON (the CLI's weights.json layout).
  const wj = JSON.parse((await downloadOf(page, () => button(page, 'Weights (.json)').click())).bytes.toString('utf8'));
  expect(wj.map((t: { name: string }) => t.name)).toEqual(names);
  for (const t of wj) expect(t.data).toHaveLength(t.shape.reduce((a: number, c: number) => a * c, 1));

  // Metrics as CSV: one row per logged step, with the loss columns.
  const csv = (await downloadOf(page, () => button(page, 'Metrics (.csv)').click())).bytes
    .toString('utf8')
    .trim()
    .split('\n');
  const cols = csv[0].split(',');
  expect(cols).toEqual(
    expect.arrayContaining(['step', 'loss', 'loss.res', 'loss.bc', 'weight.res', 'msPerStep', 'align.intra']),
  );
  expect(csv.length - 1).toBe(step / 2);
  expect(Number(csv.at(-1)!.split(',')[cols.indexOf('step')])).toBe(step);
  expect(csv.slice(1).every((line) => Number.isFinite(Number(line.split(',')[cols.indexOf('loss')])))).toBe(true);

  // Config as JSON, then change the seed and import the file: the experiment comes back.
  const cfgFile = await downloadOf(page, () => button(page, 'Config (.json)').click());
  const cfg = JSON.parse(cfgFile.bytes.toString('utf8'));
  expect(cfg).toMatchObject({ pde: 'poisson1d', seed: 5, batch: 16 });
  await page.getByLabel('Seed').fill('9');
  await expect(page).toHaveURL(/seed=9/);
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: cfgFile.name, mimeType: 'application/json', buffer: cfgFile.bytes });
  await expect(page.getByLabel('Seed')).toHaveValue('5');
  await expect(page).toHaveURL(/seed=5/);
  expect(
    await page.evaluate(
      () => (window as unknown as { pinnPlayground: { state(): { config: unknown } } }).pinnPlayground.state().config,
    ),
  ).toEqual(cfg);

  // Every plot as PNG and SVG.
  for (const panel of ['Loss and error', 'Gradient histograms']) {
    const png = await downloadOf(page, () =>
      page.getByRole('button', { name: `Save the ${panel} plot as PNG` }).click(),
    );
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svg = await downloadOf(page, () =>
      page.getByRole('button', { name: `Save the ${panel} plot as SVG` }).click(),
    );
    expect(svg.name).toMatch(/\.svg$/);
    expect(svg.bytes.toString('utf8')).toMatch(/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/);
  }
  const solutionPng = await downloadOf(page, () =>
    page.getByRole('button', { name: /^Save the Solution.* plot as PNG$/ }).click(),
  );
  expect(solutionPng.bytes.subarray(1, 4).toString()).toBe('PNG');

  // Weights import: reset, load the exported safetensors, and training continues from them.
  const relL2 = await readValue(page, 'rel-l2');
  await button(page, 'Reset').click();
  await expect(page.getByTestId('step')).toHaveText('0');
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: st.name, mimeType: 'application/octet-stream', buffer: st.bytes });
  await expect(page.getByTestId('import-note')).toHaveText(
    /Loaded .*\.safetensors into run A; press Start to continue/,
  );
  await expect.poll(() => readValue(page, 'rel-l2')).toBeCloseTo(relL2, 5);
  await button(page, 'Start').click();
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await button(page, 'Pause').click();
  expect(problems).toEqual([]);
});
