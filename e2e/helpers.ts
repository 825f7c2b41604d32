/** Shared helpers of the e2e specs: tiny experiments (SwiftShader WebGPU is slow), readouts, problem collection. */
import { expect, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/**
 * A link to a tiny experiment: one hidden layer of 8 units, 16 points per term, losses read
 * every 2 steps and diagnostics (alignment + histograms) every 4; `overrides` replace or add
 * hash keys (a link may set each key once).
 */
export function tiny(pde = 'poisson1d', overrides: Record<string, string | number> = {}): string {
  const keys: Record<string, string | number> = {
    pde,
    'archOptions.depth': 1,
    'archOptions.width': 8,
    batch: 16,
    logEvery: 2,
    steps: 400,
    'diagnostics.every': 4,
    'diagnostics.kinds': 'align,hist',
    ...overrides,
  };
  return `/#${Object.entries(keys)
    .map(([k, v]) => `${k}=${v}`)
    .join('&')}`;
}

/** Console errors, page errors and worker errors, to assert that none happened. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('worker', (w) =>
    w.on('console', (m) => {
      if (m.type() === 'error') problems.push(`worker console: ${m.text()}`);
    }),
  );
  return problems;
}

/** `path` (a `tiny()` link, `/…`) with `backend=…` added to its query. */
export function withBackend(path: string, backend: string): string {
  return path.replace(/^\/(\?[^#]*)?/, (_, q?: string) => `/?${q ? `${q.slice(1)}&` : ''}backend=${backend}`);
}

/**
 * Open `path` on WebGPU (SwiftShader), asked for explicitly (without a choice the worker times
 * the backends and takes wasm here), and wait until the worker is ready with the catalog loaded.
 */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(withBackend(path, 'webgpu'));
  await expect(page.getByTestId('backend')).toHaveText(/^webgpu/);
  await expect(page.getByLabel('PDE')).toBeEnabled();
  const pde = /[#&]pde=(\w+)/.exec(path)?.[1];
  if (pde) await expect(page.getByLabel('PDE')).toHaveValue(pde);
  await expect(page.getByTestId('message')).toHaveCount(0);
}

/** The text of a readout as a number (NaN for '—'). */
export async function readNumber(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).textContent())?.trim());
}

/** The full-precision value behind a readout (data-value), or NaN. */
export async function readValue(page: Page, testId: string): Promise<number> {
  const v = await page.getByTestId(testId).getAttribute('data-value');
  return v === null || v === '' ? NaN : Number(v);
}

/** The step of the solution plot's latest evaluation (0 before the first). */
export async function solutionStep(page: Page, attr: 'data-step' | 'data-step-b' = 'data-step'): Promise<number> {
  return Number((await page.getByTestId('solution-chart').getAttribute(attr)) || 0);
}

/** Plotly's trace types on a chart (read from the graph div). */
export async function traceTypes(page: Page, testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .evaluate((el) => ((el as unknown as { data?: { type: string }[] }).data ?? []).map((d) => d.type));
}

/** The button named exactly `name`. */
export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Click `name` and return the file the browser downloads. */
export async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** Wait until the run stopped after a Step or Pause. */
export async function paused(page: Page): Promise<void> {
  await expect(page.getByTestId('status')).toHaveText('paused');
}

/** Press Step twice (waiting for each) and return the loss readout at step 2. */
export async function stepTwice(page: Page): Promise<string> {
  for (const step of ['1', '2']) {
    await button(page, 'Step').click();
    await expect(page.getByTestId('step')).toHaveText(step);
    await paused(page);
  }
  return (await page.getByTestId('loss').textContent())!;
}

/**
 * Open `path` (a `tiny()` link) on the wasm backend — far faster than SwiftShader's WebGPU —
 * and wait until the worker is ready with the catalog loaded.
 */
export async function openWasm(page: Page, path: string): Promise<void> {
  await page.goto(withBackend(path, 'wasm'));
  await expect(page.getByTestId('backend')).toHaveText(/^wasm/);
  await expect(page.getByLabel('PDE')).toBeEnabled();
  await expect(page.getByTestId('status')).toHaveText('idle');
}
