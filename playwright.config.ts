import { defineConfig } from '@playwright/test';
import { assertChromium, chromiumArgs, chromiumPath } from './cli/chromium';

/** Debian's Chromium; Playwright must never download a browser of its own. */
assertChromium();

/** E2E_PORT lets two checkouts run their browser tests side by side. */
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000, // generous: WebGPU on SwiftShader is slow and CI machines are shared
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    headless: true,
    viewport: { width: 1280, height: 800 }, // the layout is designed for 1280×800
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
  webServer: {
    // The production build, served with the same COOP/COEP headers as the dev server.
    command: `npx vite build && npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
