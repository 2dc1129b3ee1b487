// The why, answered: the first screen says what happened and why, on a
// horizon the reader can switch; a hypothetical cascade start never reaches
// the day's answer; an overshoot is called one; the try-action at 6 Nov's
// odds is true of what the answer then shows; the claims panel has the
// checkable claims and links to the decomposition.
import { test, expect } from '@playwright/test';
import { allBuilt, gotoApp, param, watchErrors } from './helpers.mjs';

const answerOf = (page) => page.getByTestId('answer');

/** Each asset's bars as {label: value}. */
async function bars(page) {
  return answerOf(page).locator('.answer-bars').evaluateAll((all) => Object.fromEntries(all.map((b) => [
    b.querySelector('.answer-asset').textContent,
    Object.fromEntries([...b.querySelectorAll('li')].map((li) => [li.querySelector('.bar-label').textContent, li.querySelector('.bar-value').textContent])),
  ])));
}

for (const [w, h] of [[375, 812], [1280, 800]]) {
  test(`the first screen says why at ${w}×${h}: the tech reversal, β in words, the rate story's horizon`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: w, height: h });
    await page.goto('./');
    const text = answerOf(page).locator('.answer-text');
    await expect(text).toContainText('Stocks fell on a good-news day');
    await expect(text).toContainText("after Nvidia's strong results");
    await expect(text).toContainText('Tech, a third of the index, fell 2.7% against −0.95% for the rest: that gap, weighted, is the −0.60 AI/tech bar, and tech made up 0.93 of the 1.56 points: most of the fall.');
    await expect(text).toContainText('for every 1% on stocks, about 2% on Bitcoin');
    await expect(text).toContainText('the rate story is in the two weeks before');
    const b = await bars(page);
    expect(Object.keys(b['Bitcoin'])).toEqual(['Through stocks', 'ETF selling', 'Liquidations', 'Not explained', 'Actual']);
    expect(Object.keys(b['S&P 500'])).toEqual(['AI/tech reversal', 'Rates', 'Contagion', 'Not explained', 'Actual']);
    expect(b['S&P 500']['AI/tech reversal']).toBe('−0.60%');
    expect(b['Bitcoin']['Through stocks']).toBe('−3.19%');
    // The answer, its horizon switch and the bars are all on the first screen.
    const box = await answerOf(page).boundingBox();
    expect(box.y + box.height).toBeLessThanOrEqual(h);
    // No bar label is cut off.
    for (const label of await answerOf(page).locator('.bar-label').all()) {
      expect(await label.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    }
    expect(errors).toEqual([]);
  });
}

test('the horizon switch on the first screen shows the two weeks, and the synthesis follows', async ({ page }) => {
  await page.goto('./');
  const text = answerOf(page).locator('.answer-text');
  await expect(text).toContainText('good-news day');
  await answerOf(page).getByLabel('the two weeks before').check();
  await expect(text).toContainText('Over the two weeks before (6–20 Nov), the S&P 500 fell 2.70% and Bitcoin fell 14.47%.');
  await expect(text).toContainText('fell from 64.5% on 6 Nov to 39.6%, and the rate model gives −0.25%');
  await expect.poll(() => param(page, 'span')).toBe('2w');
  const b = await bars(page);
  // Sector moves exist for 20 Nov only: no tech bar over two weeks, no ETF bar.
  expect(Object.keys(b['S&P 500'])).toEqual(['Rates', 'Contagion', 'Not explained', 'Actual']);
  expect(Object.keys(b['Bitcoin'])).toEqual(['Through stocks', 'Liquidations', 'Not explained', 'Actual']);
  await allBuilt(page);
  await expect(page.getByTestId('synthesis-span').getByLabel('the two weeks before')).toBeChecked();
  await expect(page.getByTestId('synthesis-live')).toContainText('Not explained across the two weeks');
  // And back.
  await page.getByTestId('synthesis-span').getByLabel('the day').check();
  await expect(text).toContainText('good-news day');
});

test('a hypothetical cascade start drives section 4 only: the answer, the waterfalls and the key levels stay the day\'s', async ({ page }) => {
  await gotoApp(page, './', { built: true });
  const before = { text: await answerOf(page).locator('.answer-text').textContent(), bars: await bars(page),
    levels: await page.locator('#model-levels tbody').textContent(), synthesis: await page.getByTestId('synthesis-live').textContent(),
    cascade: await page.locator('[data-testid=liquidations-live]').first().textContent() };
  await gotoApp(page, './?cshock=-30', { built: true });
  await expect(answerOf(page).locator('.answer-text')).toHaveText(before.text);
  expect(await bars(page)).toEqual(before.bars);
  await expect(page.locator('#model-levels tbody')).toHaveText(before.levels);
  await expect(page.getByTestId('synthesis-live')).toHaveText(before.synthesis);
  // Section 4's own figure does follow the hypothetical start.
  await expect(page.locator('[data-testid=liquidations-live]').first()).not.toHaveText(before.cascade);
});

test('an overshoot is called one, never "not explained"', async ({ page }) => {
  await page.goto('./?lev=100&oi=100&q=10000');
  const text = answerOf(page).locator('.answer-text');
  await expect(text).toContainText('and the models overshoot by 0.28 points');
  const btc = answerOf(page).locator('.answer-bars').first();
  const last = btc.locator('li').nth(3);
  await expect(last.locator('.bar-label')).toHaveText('Overshoot');
  await expect(last.locator('.unexplained')).toHaveCount(1);
  await expect(last.locator('.bar-value')).toHaveText('+0.28%');
});

test('the try-action at 6 Nov\'s odds is true of what the answer then shows', async ({ page }) => {
  await gotoApp(page, './', { built: true });
  await page.locator('[data-try="cut-ref"]').click();
  await expect.poll(() => param(page, 'span')).toBe('2w');
  await expect(answerOf(page).locator('.answer-text')).toContainText('gives stocks nothing over the two weeks');
  const b = await bars(page);
  expect(b['S&P 500']['Rates']).toBe('0.00%');
});

test('Claims vs data: the five added claims have rows with verdicts, and the AI rows link to the decomposition', async ({ page }) => {
  await gotoApp(page, './#claims', { built: true });
  for (const [id, verdict] of [['fed_hawkish', 'matches'], ['strong_data', 'contested'], ['correlation_high', 'matches'],
    ['depth_thinner', 'not checkable'], ['forced_selling', 'matches']]) {
    await expect(page.locator(`tr#claim-${id} td.verdict strong`)).toHaveText(verdict);
  }
  for (const id of ['nasdaq_led', 'nvidia_eve']) {
    const link = page.locator(`tr#claim-${id} a.see`);
    await expect(link).toHaveAttribute('href', '#waterfall-spx');
  }
  await page.locator('tr#claim-nasdaq_led a.see').click();
  await expect(page.locator('#waterfall-spx')).toBeInViewport();
});
