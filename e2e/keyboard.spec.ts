/** Issue 16, item 9 (keyboard and small things): shortcuts, skip link, focus kept, the verdict, honest texts. */
import { expect, test } from '@playwright/test';
import { button, openWasm, paused, readNumber, tiny } from './helpers';

test(
  'Space, S and R drive training; focus moves to Pause when Start disables itself; ' +
    'the skip link reaches the run bar',
  async ({ page }) => {
    await openWasm(page, tiny('helmholtz', { 'diagnostics.every': 0 }));
    await expect(page.getByText('u(x, y) is approximated by this network')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: /Skip to training controls/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#run-controls')).toBeFocused();

    await page.keyboard.press('s');
    await expect(page.getByTestId('step')).toHaveText('1');
    await expect(page.getByTestId('progress')).toContainText('Step 1 / 400');
    await paused(page);
    await page.keyboard.press(' ');
    await expect(page.getByTestId('status')).toHaveText('running');
    await page.keyboard.press(' ');
    await paused(page);
    await page.keyboard.press('r');
    await expect(page.getByTestId('status')).toHaveText('idle');

    await button(page, 'Start').click();
    await expect(button(page, 'Pause')).toBeFocused();
    await page.keyboard.press('Enter'); // Enter on the focused Pause button
    await paused(page);
    await expect(button(page, 'Start')).toBeFocused();

    // compare: tags name what differs, and one line says who leads
    await button(page, 'Reset').click();
    await button(page, 'Compare').click();
    await button(page, 'Start').click();
    await expect.poll(() => readNumber(page, 'step-b')).toBeGreaterThanOrEqual(10);
    await button(page, 'Pause').click();
    await paused(page);
    await expect(page.getByTestId('run-tag')).toHaveText('A: adam');
    await expect(page.getByTestId('run-tag-b')).toHaveText('B: soap');
    await expect(page.getByTestId('verdict')).toHaveText(
      /^(A|B) leads on rel\. L2 by [\d.]+× \(A .* vs B .*\)|^Level on rel\. L2/,
    );
  },
);
