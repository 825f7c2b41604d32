/**
 * Debian's Chromium and the flags that work headless on this kind of machine (docs/ARCHITECTURE.md,
 * "Browser tests"): WebGPU on the SwiftShader adapter, no sandbox, nothing phoning home.
 * Shared by playwright.config.ts (e2e) and the browser bench; Playwright never downloads a browser.
 */
import { existsSync } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';

export const chromiumArgs = [
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
];

/** Throws with the install command when Chromium is missing. */
export function assertChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: install it with \`apt-get update && apt-get install -y chromium\``,
    );
  }
}
