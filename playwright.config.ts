import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium; Playwright must never download a browser of its own. */
const chromium = '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error('Chromium not found at /usr/bin/chromium: install it with `apt-get update && apt-get install -y chromium`');
}

const port = 4173;

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
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu-sandbox',
        '--enable-unsafe-webgpu',
        '--use-webgpu-adapter=swiftshader',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
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
