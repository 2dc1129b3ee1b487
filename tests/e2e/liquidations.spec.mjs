import { test, expect } from '@playwright/test';
import { watchErrors, drawn, param, openDisclosures } from './helpers.mjs';

const numbers = async (page, id) => {
  const section = page.locator(`#${id}`);
  await expect(section.locator('.loading')).toHaveCount(0);
  return section.innerText();
};

test('lev=2 and lev=50 give different numbers in liquidations and synthesis, never NaN', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?lev=2');
  await expect(page.locator('#liquidations .v-lev')).toHaveText('2×');
  const l2 = await numbers(page, 'liquidations');
  const s2 = await numbers(page, 'synthesis');
  await page.goto('./?lev=50');
  await expect(page.locator('#liquidations .v-lev')).toHaveText('50×');
  const l50 = await numbers(page, 'liquidations');
  const s50 = await numbers(page, 'synthesis');
  expect(l50).not.toEqual(l2);
  expect(s50).not.toEqual(s2);
  for (const t of [l2, s2, l50, s50]) expect(t).not.toMatch(/NaN|Infinity|\binf\b/);
  // More leverage, more forced selling.
  const liq = (t) => parseFloat(t.match(/forced selling of \$([\d.]+)([MB])/).slice(1, 3).reduce((v, u) => (u === 'B' ? v * 1000 : v)));
  expect(liq(l50)).toBeGreaterThan(liq(l2));
  for (const id of ['cascade', 'liqmap', 'waterfall-btc', 'waterfall-spx']) await drawn(page.locator(`#${id} canvas`));
  expect(errors).toEqual([]);
});

test('the synthesis reacts to the cut probability too', async ({ page }) => {
  const live = page.locator('[data-testid=synthesis-live]');
  await page.goto('./?cut=5');
  await expect(live).toContainText('Not explained on the day');
  await expect(live).toContainText('at your 5% cut odds (from 30% on 19 Nov');
  const a = await live.innerText();
  await page.goto('./?cut=95');
  await expect(live).toContainText('Not explained on the day');
  const b = await live.innerText();
  expect(a).not.toEqual(b);
  await expect(page.locator('#model-levels tbody tr')).toHaveCount(3);
});

test('a manual shock overrides the combined one; zero shock gives no cascade', async ({ page }) => {
  await page.goto('./?cshock=0');
  await expect(page.locator('#ctl-cshock-auto')).not.toBeChecked();
  await expect(page.locator('#liquidations .v-liq')).toHaveText('$0M');
  await expect(page.locator('#liquidations .v-amp')).toHaveText('1.00×');
  await page.locator('#ctl-cshock-auto').check();
  await expect.poll(() => param(page, 'cshock')).toBe('auto');
  await expect(page.locator('#liquidations .v-liq')).not.toHaveText('$0M');
});

test('the round-by-round view steps and the stability test responds to leverage', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./?lev=30');
  const stepper = page.locator('#cascade .stepper');
  // Reduced motion shows the final round at once (the text describes it);
  // Step then walks through from round 1.
  await expect(stepper).toHaveText(/Round (\d+) of \1(?!\d)/);
  await stepper.getByRole('button', { name: 'Step' }).click();
  await expect(stepper).toContainText('Round 1 of');
  await stepper.getByRole('button', { name: 'Step' }).click();
  await expect(stepper).toContainText('Round 2 of');
  await stepper.getByRole('button', { name: 'Show all rounds' }).click();
  const text = await stepper.innerText();
  const [, shown, total] = text.match(/Round (\d+) of (\d+)/);
  expect(shown).toBe(total);
  await expect(page.locator('[data-testid=glt]')).toContainText('the loop dies out');
  // With no first fall no long is reached: no loop, and the text says so.
  // (The day's shock, −3.4%, reaches some longs at every leverage: the mix
  // around 2× still holds a few highly leveraged ones.)
  await page.goto('./?lev=2&cshock=0');
  await expect(page.locator('[data-testid=glt]')).toContainText('no long is reached, so there is no loop to run away');
  await expect(page.locator('[data-testid=liquidations-live]')).toContainText('No leveraged long is reached');
});

// Issue 14: the stability statement never contradicts the cascade.
for (const lev of [25, 100]) {
  test(`lev=${lev}: the stability statement agrees with the settled cascade`, async ({ page }) => {
    await page.goto(`./?lev=${lev}`);
    const glt = page.locator('[data-testid=glt]');
    await expect(glt).toContainText('the loop dies out');
    await expect(glt).not.toContainText('the loop runs away');
    await expect(glt).toContainText('Forced selling can never exceed the open interest ($24B)');
    await expect(page.locator('[data-testid=liquidations-live]')).toContainText('The cascade settles at a fixed point.');
  });
}

test('a crash that liquidates every long says the loop runs away, and the cascade says so too', async ({ page }) => {
  await page.goto('./?lev=100&cshock=-30');
  await expect(page.locator('[data-testid=glt]')).toContainText('the loop runs away');
  await expect(page.locator('[data-testid=liquidations-live]')).toContainText('stops only when every modelled long has been liquidated');
  await expect(page.locator('[data-testid=liquidations-live]')).not.toContainText('settles at a fixed point');
});

test('extreme settings stay finite', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?lev=100&cut=0&shock=-10&q=10000&depth=90&lth=1&phi=100&oi=100&cshock=auto&gg=12&gr=4');
  await expect(page.locator('#liquidations .v-final')).toBeVisible();
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/NaN|Infinity|\binf\b/);
  await page.goto('./?lev=1&cut=100&shock=0&q=0&depth=0&phi=0&oi=1');
  await expect(page.locator('#liquidations .v-final')).toBeVisible();
  expect(await page.locator('main').innerText()).not.toMatch(/NaN|Infinity|\binf\b/);
  expect(errors).toEqual([]);
});

test('the liquidation map marks where the cascade ends: the day\'s selling moves the mark without redrawing the bars, the cut odds do not move it', async ({ page }) => {
  await page.addInitScript(() => { window.__chartDrawMs = []; });
  await page.goto('./?lev=20');
  await drawn(page.locator('#liqmap canvas'));
  const label = page.locator('#liqmap .current-label');
  const final = await page.locator('#liquidations .v-final').innerText();
  await expect(label).toHaveText(`cascade ends ${final}`);
  const left = await page.locator('#liqmap .current-rule').evaluate((e) => parseFloat(e.style.left));
  const draws = () => page.evaluate(() => window.__chartDrawMs.filter(([k]) => k === 'liqmap-summary').length);
  const before = await draws();
  // The cut odds reach Bitcoin only through the day's actual stock move:
  // the day's cascade does not move.
  await page.locator('#ctl-cut').fill('5');
  await expect(page.locator('#ctl-cut-num')).toHaveValue('5');
  await expect(page.locator('#liquidations .v-final')).toHaveText(final);
  // More selling to absorb on the day: a bigger first fall (its slider is
  // in section 3's "Adjust the model").
  await openDisclosures(page, '#liquidity');
  await page.locator('#ctl-q').fill('5000');
  await expect(page.locator('#liquidations .v-final')).not.toHaveText(final);
  const later = await page.locator('#liquidations .v-final').innerText();
  await expect(label).toHaveText(`cascade ends ${later}`);
  // A bigger fall ends further left on the price axis.
  await expect.poll(() => page.locator('#liqmap .current-rule').evaluate((e) => parseFloat(e.style.left))).toBeLessThan(left);
  expect(await draws()).toBe(before);
});
