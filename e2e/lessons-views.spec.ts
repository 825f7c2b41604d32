import { inflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { readApng } from '../src/ui/lessons/apngRead';
import { button, collectProblems, downloadOf } from './helpers';

/**
 * Presenter mode, hidden sections and bad lesson links; the animated export of the solution
 * plot (frame count, size and step labels read back from the file); and, with
 * UPDATE_SCREENSHOTS=1, the README's screenshots of a lesson step and of presenter mode.
 */

test('presenter mode and hide= shape the page; a bad lesson link says what is wrong', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/?backend=wasm#lesson=gradient-pathology&step=2&present=1&hide=loss,runbar');
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 4: Which loss term falls?');
  await expect(page.getByLabel('Settings')).toBeHidden();
  await expect(page.locator('[data-panel="loss"]')).toBeHidden();
  await expect(page.locator('[data-panel="solution"]')).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Training' })).toBeHidden();
  const big = await page.locator('.app').evaluate((el) => getComputedStyle(el).fontSize);
  expect(big).toBe('17px');
  // Leaving presenter mode brings the settings back and updates the link.
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByLabel('Settings')).toBeVisible();
  await expect(page).toHaveURL(/#lesson=gradient-pathology&step=2&hide=loss,runbar&v=1/);
  // hide= works without a lesson too (one focused experiment for slides).
  await page.goto('/?backend=wasm#hide=problem,network&pde=poisson1d');
  await expect(page.locator('[data-section="problem"]')).toBeHidden();
  await expect(page.locator('[data-section="network"]')).toBeHidden();
  await expect(page.locator('[data-section="optimizer"]')).toBeVisible();
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  for (const [hash, reason] of [
    ['#lesson=nope', /lesson: unknown lesson "nope" \(allowed: gradient-pathology, annealing, stiffness/],
    ['#lesson=stiffness&step=9', /step: 9 is past the last step of stiffness \(1–5\)/],
    ['#lesson=stiffness&hide=knobs', /hide: unknown section "knobs"/],
  ] as const) {
    await page.goto(`/?backend=wasm${hash}`);
    await expect(page.getByTestId('lesson-error')).toHaveText(reason);
  }
  expect(problems).toEqual([]);
});

test('the solution plot recorded over training exports as an animated PNG with the step in each frame', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = collectProblems(page);
  await page.goto('/?backend=wasm#lesson=gradient-pathology&step=1');
  await expect(page.getByTestId('backend')).toHaveText(/^wasm/);
  await expect(page.getByLabel('PDE')).toHaveValue('helmholtz');
  // A long step target: on a quiet machine the lesson's own run ends within seconds, before 4 evaluations.
  await page.getByLabel('Steps', { exact: true }).fill('50000');
  await button(page, 'Record').click();
  await button(page, 'Start').click();
  await expect
    .poll(async () => Number(await page.getByTestId('record-stop').getAttribute('data-frames')), { timeout: 120_000 })
    .toBeGreaterThanOrEqual(4);
  const { name, bytes } = await downloadOf(page, () => page.getByTestId('record-stop').click());
  expect(name).toBe('pinn-solution-animation.png');
  const info = readApng(new Uint8Array(bytes));
  expect([info.width, info.height]).toEqual([720, 396]);
  expect(info.numFrames).toBeGreaterThanOrEqual(4);
  expect(info.frames).toHaveLength(info.numFrames);
  expect(info.zdata).toHaveLength(info.numFrames);
  expect(info.frames.every((f) => f.width === 720 && f.height === 396)).toBe(true);
  expect(info.labels).toHaveLength(info.numFrames);
  const steps = info.labels.map((l) => Number(/^step (\d+)(, rel\. L2 [\d.e+-]+)?$/.exec(l)?.[1]));
  expect(steps.every(Number.isFinite), info.labels.join(' / ')).toBe(true);
  for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]);
  // Each frame: the label band (dark, with light text) above the plot (mostly white).
  for (const z of [info.zdata[0], info.zdata.at(-1)!]) {
    const raw = inflateSync(z);
    const row = 720 * 4 + 1;
    const px = (x: number, y: number) => raw.subarray(y * row + 1 + 4 * x, y * row + 1 + 4 * x + 4);
    expect([...px(700, 2)].slice(0, 3)).toEqual([16, 24, 39]); // the band's background, #101827
    let light = 0;
    for (let x = 12; x < 300; x++) if (px(x, 18)[0] > 200) light++;
    expect(light, 'text drawn in the band').toBeGreaterThan(5);
    expect([...px(700, 390)].slice(0, 3)).toEqual([255, 255, 255]); // the plot's paper
  }
  expect(problems).toEqual([]);
});

test('README screenshots of a lesson step and of presenter mode', async ({ page }) => {
  test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh docs/lesson*.png');
  test.setTimeout(300_000);
  await page.goto('/?backend=wasm#lesson=gradient-pathology&step=1');
  await expect(page.getByTestId('backend')).toHaveText(/^wasm/);
  await button(page, 'Start').click();
  await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-done', 'true', { timeout: 120_000 });
  for (const k of [2, 3]) {
    await button(page, 'Next').click();
    await expect(page.getByTestId('lesson-step')).toHaveText(new RegExp(`^Step ${k} of 4`));
    await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-done', 'true', { timeout: 120_000 });
  }
  await button(page, 'Pause').click();
  await page.locator('main').evaluate((m) => m.scrollTo(0, 330));
  await page.screenshot({ path: 'docs/lesson.png' });
  await page.getByRole('button', { name: 'Present' }).click();
  await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/presenter.png' });
});
