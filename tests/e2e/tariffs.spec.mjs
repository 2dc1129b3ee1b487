import { test, expect } from '@playwright/test';
import { watchErrors, drawn, param, openDisclosures, openDeeper } from './helpers.mjs';

const text = (page) => page.locator('#tariffs').innerText();

test('changing the window and the shock changes the numbers, never NaN, chart drawn', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  const canvas = page.locator('#correlation canvas');
  await drawn(canvas);
  const t30 = await text(page);
  const px30 = await canvas.evaluate((c) => c.toDataURL());
  // The window is an advanced input, under "Adjust the model".
  await page.getByTestId('adjust-tariffs').locator('summary').click();
  await page.getByRole('radio', { name: '14' }).check();
  await expect.poll(() => param(page, 'win')).toBe('14');
  await expect(page.locator('#corr-summary')).toContainText('sliding 14-day window');
  await expect.poll(() => canvas.evaluate((c) => c.toDataURL())).not.toEqual(px30);
  const t14 = await text(page);
  expect(t14).not.toEqual(t30);

  const live = page.locator('[data-testid=tariffs-live]');
  const before = await live.innerText();
  await page.locator('#ctl-shock').fill('-8');
  await expect(live).toContainText('fall of 8.0% in US stocks');
  expect(await live.innerText()).not.toEqual(before);
  for (const t of [t30, t14, await text(page)]) expect(t).not.toMatch(/NaN|Infinity|\binf\b/);
  expect(errors).toEqual([]);
});

test('a window longer than the data says so instead of drawing nothing silently', async ({ page }) => {
  await page.goto('./?win=90');
  await expect(page.locator('#corr-summary')).toContainText('needs 90 daily returns; the data holds 62');
  await expect(page.locator('[data-testid=tariffs-live]')).not.toContainText('NaN');
});

// Issue 14: the estimates used to explain 20 Nov end on 19 Nov and state their real length.
for (const win of [60, 90]) {
  test(`win=${win}: the beta's window ends 19 Nov and says how many days it really has`, async ({ page }) => {
    await page.goto(`./?win=${win}`);
    const live = page.locator('[data-testid=tariffs-live]');
    await expect(live).toContainText('Over the 56 trading days from 3 Sep to 19 Nov');
    await expect(live).toContainText(`the ${win}-day window asks for more: only 56 trading days of returns come before 20 Nov`);
    await expect(live).not.toContainText('to 20 Nov, Bitcoin');
  });
}

test('the volatility adjustment toggles a second line and its explanation', async ({ page }) => {
  await page.goto('./');
  const canvas = page.locator('#correlation canvas');
  await drawn(canvas);
  const before = await canvas.evaluate((c) => c.toDataURL());
  await page.getByTestId('adjust-tariffs').locator('summary').click();
  await page.locator('#ctl-fr').check();
  await expect.poll(() => param(page, 'fr')).toBe('1');
  await expect(page.locator('[data-testid=fr-note]')).toBeVisible();
  await expect.poll(() => canvas.evaluate((c) => c.toDataURL())).not.toEqual(before);
  await openDeeper(page, '#tariffs');
  await page.locator('#tariffs button.show-table').first().click();
  await expect(page.locator('#tariffs .data-alt table.data-table tbody tr').first()).toBeVisible();
});

test('the leverage slider feeds the tariffs section', async ({ page }) => {
  await page.goto('./?lev=2');
  const p = page.locator('#tariffs').getByText('A trader long Bitcoin at');
  await expect(p).toContainText('2× leverage');
  await page.goto('./?lev=50');
  await expect(page.locator('#tariffs').getByText('A trader long Bitcoin at')).toContainText('liquidates it');
  await expect(page.locator('#portfolio tbody tr')).toHaveCount(2);
  await expect(page.locator('[data-testid=tariffs-punchline]')).toContainText('Diversification disappears');
});
