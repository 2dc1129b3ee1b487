import { test, expect } from '@playwright/test';
import { gotoApp, openDisclosures, ready, watchErrors } from './helpers.mjs';
import { readFile } from 'node:fs/promises';

test('every Sources disclosure opens and lists linked or named sources', async ({ page }) => {
  const errors = watchErrors(page);
  await gotoApp(page, './');
  await expect(page.locator('.loading')).toHaveCount(0);
  // Some Sources sit in "More: …" disclosures: open those first, as a reader would.
  await openDisclosures(page);
  const disclosures = page.locator('details.sources');
  const n = await disclosures.count();
  expect(n).toBeGreaterThan(15);
  for (let i = 0; i < n; i++) {
    const d = disclosures.nth(i);
    await d.locator('summary').click();
    await expect(d).toHaveAttribute('open', '');
    const items = d.locator('li');
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    // The summary's count is the number of listed sources.
    await expect(d.locator('summary')).toHaveText(`Sources (${count})`);
    for (let j = 0; j < count; j++) {
      const item = items.nth(j);
      await expect(item.locator('.publisher')).not.toBeEmpty();
      // A source either links to its page or says plainly that no link was recorded.
      const linked = await item.locator('a[href^="http"]').count();
      const unlinked = await item.locator('.nolink').count();
      expect(linked + unlinked, await item.innerText()).toBe(1);
    }
  }
  // Every section quoting figures has its own Sources.
  for (const id of ['rates', 'tariffs', 'liquidity', 'liquidations', 'synthesis', 'timeline']) {
    expect(await page.locator(`#${id} details.sources`).count()).toBeGreaterThan(0);
  }
  expect(errors).toEqual([]);
});

test('the Claims vs data panel has a computed verdict and a source link on every row', async ({ page }) => {
  await page.goto('./#claims');
  const rows = page.locator('#claims tbody tr');
  await expect(rows).toHaveCount(21);
  const verdicts = await page.locator('#claims td.verdict strong').allInnerTexts();
  expect(verdicts.map((v) => v.toLowerCase())).toEqual([
    'differs', 'not checkable', 'matches', 'contested', 'differs', 'matches', 'matches', 'contested', 'matches',
    'matches', 'matches', 'matches', 'differs', 'differs', 'matches', 'matches',
    'matches', 'contested', 'matches', 'not checkable', 'matches',
  ]);
  for (let i = 0; i < 21; i++) {
    const links = rows.nth(i).locator('details.sources a[href^="http"]');
    expect(await links.count(), `row ${i} has a source link`).toBeGreaterThan(0);
  }
  await expect(page.locator('#claim-lth_815k')).toContainText('Coinbase internal transfers');
  await expect(page.locator('#claim-sp500_drop')).toContainText('fell 1.56% on the day');
  await expect(page.locator('#claim-sp500_drop')).not.toContainText('fits the high-to-close fall better');
  await expect(page.locator('#claim-asia_simultaneous')).toContainText('differs in timing');
  await expect(page.locator('#claim-crypto_100b')).toContainText('$120B to $161B');
  await expect(page.locator('#claim-nov_outflows')).toContainText('IBIT');
});

test('a dataset downloads as CSV with its header and every row', async ({ page }) => {
  await page.goto('./#data');
  const button = page.locator('#data button.csv[data-file="sp500.csv"]');
  await expect(button).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe('sp500.csv');
  const text = await readFile(await download.path(), 'utf8');
  const lines = text.trim().split('\n');
  expect(lines[0]).toBe('date,value,unit,source_publisher,source_title,source_url,source_date');
  const json = JSON.parse(await readFile('public/data/markets.json', 'utf8'));
  const points = json.series.find((s) => s.id === 'sp500').points;
  expect(lines.length - 1).toBe(points.length);
  expect(lines[1].startsWith(`${points[0][0]},${points[0][1]},`)).toBe(true);
  await expect(page.locator('#cite')).toContainText('Data as of');
});

test('event markers work with the keyboard and show their note and source', async ({ page }) => {
  await gotoApp(page, './');
  // Seven events: crowded markers share a group button ("1–2") whose list
  // holds each event.
  await expect(page.locator('#timeline .event-list li')).toHaveCount(7);
  const note = page.locator('#timeline .event-note');
  await expect(note).toContainText('The reversal');
  const tariff = page.locator('#timeline').getByRole('button', { name: /Event 1, 10 Oct 2025: 100% tariff threat on China/ });
  if (!(await tariff.isVisible())) {
    const group = page.locator('#timeline').getByRole('button', { name: /^Events 1 to \d/ });
    await group.focus();
    await page.keyboard.press('Enter');
    await expect(group).toHaveAttribute('aria-expanded', 'true');
  }
  // Touch-sized targets.
  const box = await tariff.boundingBox();
  expect(box.width).toBeGreaterThanOrEqual(24);
  expect(box.height).toBeGreaterThanOrEqual(24);
  await tariff.focus();
  await page.keyboard.press('Enter');
  // (The group's list closes on a choice, so the button is found hidden too.)
  await expect(page.locator('#timeline [aria-label^="Event 1, 10 Oct 2025"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(note).toContainText('100% tariff threat on China');
  await expect(note.locator('a[href^="http"]')).toHaveCount(1);
});
