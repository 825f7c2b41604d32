/**
 * Issue 15, imports: a huge or hostile file given to Import is parsed in the worker, never on
 * the page. Each is refused with its reason beside the Import control, the page stays
 * responsive (no main-thread task of a second or more while a 60 MiB file is parsed), and the
 * current run is intact: same step, same loss, and it trains on.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { button, collectProblems, openWasm, stepTwice, tiny } from './helpers';

/** A safetensors file whose 200 entries alias one 4 MB region (allocated 763 MB on the page before). */
function aliasing(): Buffer {
  const entry = { dtype: 'F32', shape: [1024, 1024], data_offsets: [0, 4 << 20] };
  const head = Buffer.from(JSON.stringify(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`w${i}`, entry]))));
  const out = Buffer.alloc(8 + head.length + (4 << 20));
  out.writeBigUInt64LE(BigInt(head.length), 0);
  head.copy(out, 8);
  return out;
}

test('hostile weight files are refused beside Import, the page stays responsive, the run intact', async ({ page }) => {
  const problems = collectProblems(page);
  await openWasm(page, tiny('poisson1d'));
  const loss = await stepTwice(page);
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({
      type: 'longtask',
    });
  });

  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  const huge = join(dir, 'huge.safetensors');
  writeFileSync(huge, '');
  truncateSync(huge, 3 * 2 ** 30); // 3 GiB, sparse: refused from its size alone
  // 60 MiB of valid JSON: 30 M numbers for a network of 25 parameters (seconds of parsing)
  const big = join(dir, 'big.json');
  const n = 30_000_000;
  writeFileSync(big, `[{"name": "layer0.weight", "shape": [${n}], "data": [${'0,'.repeat(n - 1)}0]}]`);
  // files on disk, not buffers: Playwright builds a buffer's File on the page (a long task of its own)
  const write = (name: string, bytes: Buffer) => (writeFileSync(join(dir, name), bytes), join(dir, name));
  const cases: [string, RegExp][] = [
    [huge, /^huge\.safetensors is 3072 MiB; files up to 64 MiB can be imported/],
    [big, /^big\.json was not loaded: weights do not fit this mlp network .*layer0\.weight has shape \[30000000\]/],
    [
      write('alias.safetensors', aliasing()),
      /^alias\.safetensors: safetensors: w1 starts at byte 0 of the data, not at 4194304/,
    ],
    [
      write('null.safetensors', Buffer.from('\x04\0\0\0\0\0\0\0null')),
      /^null\.safetensors: safetensors: header is not a JSON object/,
    ],
    [write('bundle.zip', Buffer.from('PK\x03\x04\x14\0\0\0')), /^bundle\.zip is a ZIP archive/],
  ];
  for (const [file, reason] of cases) {
    await page.getByTestId('import-file').setInputFiles(file);
    const note = page.getByTestId('import-note');
    await expect(note).toHaveText(reason, { timeout: 60_000 });
    await expect(note).toHaveAttribute('data-kind', 'error');
    await expect(note).toContainText('The current experiment was kept.');
    await expect(page.getByTestId('message')).toHaveCount(0);
    await expect(page.getByTestId('step')).toHaveText('2');
    await expect(page.getByTestId('loss')).toHaveText(loss);
  }
  // dropped on the page: the same path (a ZIP bomb's header, refused unread)
  await page.getByTestId('import-note').getByRole('button', { name: 'Dismiss import note' }).click();
  const dropped = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 8, 0])], 'dropped.zip'));
    return dt;
  });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dropped });
  await expect(page.getByTestId('import-note')).toHaveText(/^dropped\.zip is a ZIP archive/);
  // responsive throughout: no main-thread task of a second or more (parsing 60 MiB there takes seconds)
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
  expect(longest).toBeLessThan(1000);
  rmSync(dir, { recursive: true });
  // the run trains on from where it was
  await page.getByRole('button', { name: 'Dismiss import note' }).click();
  await expect(page.getByTestId('import-note')).toHaveCount(0);
  await button(page, 'Step').click();
  await expect(page.getByTestId('step')).toHaveText('3');
  expect(problems).toEqual([]);
});
