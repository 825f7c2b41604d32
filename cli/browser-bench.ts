/**
 * The browser half of `npm run bench -- --browser`: builds bench.html (src/bench) with the
 * app's Vite config into dist-bench/ (the app's own build, index.html only, is untouched),
 * serves it with `vite preview` on a free port (not 4173, the e2e suite's) and drives Debian's
 * Chromium through playwright-core, one case per call in a fresh dedicated Worker.
 */
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import type { BenchRequest, BrowserBenchRow } from '../src/bench/protocol';
import { assertChromium, chromiumArgs, chromiumPath } from './chromium';

const root = resolve(import.meta.dirname, '..');
const outDir = 'dist-bench';
/** A case that has not finished in this long is reported as failed (SwiftShader is slow, not this slow). */
const caseTimeoutMs = 30 * 60_000;

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** An open bench page in headless Chromium; `close` stops browser and server. */
export interface BrowserBench {
  run(req: BenchRequest): Promise<BrowserBenchRow>;
  close(): Promise<void>;
}

/** Build and serve the bench page, launch Chromium on it. Throws (with the install command) without Chromium. */
export async function openBrowserBench(): Promise<BrowserBench> {
  assertChromium();
  const config = { root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' as const };
  await build({
    ...config,
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: resolve(root, 'bench.html') } },
  });
  const port = await freePort();
  let server: PreviewServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await preview({ ...config, build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' } });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    const page = await browser.newPage();
    reportProblems(page);
    await page.goto(`http://127.0.0.1:${port}/bench.html`);
    await page.waitForFunction(() => 'pinnBench' in window);
    const opened = { server, browser };
    return {
      run: (req) =>
        withTimeout(
          page.evaluate(
            (r) =>
              (window as unknown as { pinnBench: { run(r: BenchRequest): Promise<BrowserBenchRow> } }).pinnBench.run(r),
            req,
          ),
          req,
        ),
      close: async () => {
        await opened.browser.close();
        await opened.server.close();
      },
    };
  } catch (e) {
    await browser?.close();
    await server?.close();
    throw e;
  }
}

function withTimeout<T>(p: Promise<T>, req: BenchRequest): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`${req.caseName} on ${req.backend}: no result after ${caseTimeoutMs / 60_000} min`)),
      caseTimeoutMs,
    );
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Page and worker errors go to stderr (stdout carries only the rows). */
function reportProblems(page: Page): void {
  const say = (where: string, text: string) => process.stderr.write(`bench (${where}): ${text}\n`);
  page.on('pageerror', (e) => say('page', e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') say('page console', m.text());
  });
  page.on('worker', (w) =>
    w.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') say('worker console', m.text());
    }),
  );
}
