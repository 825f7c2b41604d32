/** Issue 16, item 4: at 390×844 the layout stacks, nothing overflows and Start/Compare/Export work. */
import { expect, test } from '@playwright/test';
import { button, openWasm, paused, tiny } from './helpers';

test.use({ viewport: { width: 390, height: 844 } });

test('the phone layout stacks without horizontal overflow and its controls are clickable', async ({ page }) => {
  await openWasm(page, tiny('helmholtz', { 'diagnostics.every': 0 }));
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  expect(await width()).toBeLessThanOrEqual(390);
  await button(page, 'Compare').click();
  await expect(button(page, 'Compare')).toHaveAttribute('aria-pressed', 'true');
  await button(page, 'Start').click();
  await expect(page.getByTestId('status')).toHaveText('running');
  await expect.poll(() => page.getByTestId('solution-chart').getAttribute('data-step-b')).not.toBe('');
  await button(page, 'Pause').click();
  await paused(page);
  expect(await width()).toBeLessThanOrEqual(390);
  await button(page, 'Export').click();
  await expect(button(page, 'Copy link')).toBeVisible();
  // the plots get the screen's width, not a sliver beside the settings
  const plot = await page.getByTestId('solution-chart').boundingBox();
  expect(plot!.width).toBeGreaterThan(300);
  expect(await width()).toBeLessThanOrEqual(390);
});
