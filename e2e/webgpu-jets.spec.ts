/**
 * Issue 14: on WebGPU the activation jet runs as generated WGSL programs (one per stream,
 * kernels/activation-jet-webgpu.ts). The same run on webgpu and on wasm — same seed, points
 * and optimizer — must log the same losses, for every activation, on a second-order PDE (the
 * jets carry u_x, u_t and u_xx): a wrong program shows as losses off by far more than float32.
 */
import { expect, test } from '@playwright/test';
import { button, collectProblems, tiny, withBackend } from './helpers';

interface Handle {
  pinnPlayground: { state(): { runs: ({ rows: { step: number; loss: number }[] } | null)[] } };
}

async function losses(page: import('@playwright/test').Page, backend: string, activation: string): Promise<number[]> {
  const link = tiny('burgers', {
    steps: 6,
    logEvery: 1,
    'archOptions.activation': activation,
    'diagnostics.every': 1000,
  });
  await page.goto(withBackend(link, backend));
  await expect(page.getByTestId('backend')).toHaveText(new RegExp(`^${backend}`));
  await expect(page.getByTestId('status')).toHaveText('idle');
  await button(page, 'Start').click();
  await expect(page.getByTestId('status')).toHaveText('finished', { timeout: 120_000 });
  const rows = await page.evaluate(() => (window as unknown as Handle).pinnPlayground.state().runs[0]!.rows);
  return rows.map((r) => r.loss);
}

for (const activation of ['tanh', 'sin', 'swish']) {
  test(`${activation}: burgers on webgpu (generated jet programs) logs the losses wasm logs`, async ({ page }) => {
    const problems = collectProblems(page);
    // WebGPU reports an invalid program or bind group as a warning, and the dispatch is dropped
    page.on('worker', (w) =>
      w.on('console', (m) => {
        if (m.type() === 'warning' && /invalid|binding|While /i.test(m.text())) problems.push(`webgpu: ${m.text()}`);
      }),
    );
    const gpu = await losses(page, 'webgpu', activation);
    const cpu = await losses(page, 'wasm', activation);
    expect(gpu.length).toBeGreaterThanOrEqual(6);
    expect(gpu.length).toBe(cpu.length);
    gpu.forEach((l, i) =>
      expect(Math.abs(l - cpu[i]) / cpu[i], `loss ${i}: webgpu ${l}, wasm ${cpu[i]}`).toBeLessThan(1e-3),
    );
    expect(problems).toEqual([]);
  });
}
