/**
 * The bench page's script: `window.pinnBench.run(request)` times one case in a fresh
 * dedicated Worker (as the app trains) and resolves with its row. cli/browser-bench.ts calls
 * it through Playwright; it can be called by hand from the console of `bench.html` too.
 */
import type { BenchReply, BenchRequest, BrowserBenchRow } from './protocol';

function run(req: BenchRequest): Promise<BrowserBenchRow> {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'bench' });
  return new Promise<BrowserBenchRow>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<BenchReply>) => {
      if (e.data.type === 'row') resolve(e.data.row);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => reject(new Error(`bench worker failed: ${e.message}`));
    worker.postMessage(req);
  }).finally(() => worker.terminate());
}

(window as unknown as { pinnBench: { run: typeof run } }).pinnBench = { run };
