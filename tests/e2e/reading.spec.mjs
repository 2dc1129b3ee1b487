// The reading path: the answer on the first screen, the live result beside
// the sliders, try-actions that Back undoes, and terms defined in place.
import { test, expect } from '@playwright/test';
import { allBuilt, drawn, gotoApp, param, watchErrors } from './helpers.mjs';

for (const [w, h] of [[1280, 800], [375, 812]]) {
  test(`the answer is on the first screen at ${w}×${h} and follows the sliders`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('./');
    const answer = page.getByTestId('answer');
    await expect(answer.locator('.answer-text')).toContainText('is not explained');
    const box = await answer.boundingBox();
    expect(box.y + box.height).toBeLessThanOrEqual(h);
    await expect(answer.locator('.answer-bars li')).toHaveCount(10);
    const before = await answer.locator('.answer-text').textContent();
    await page.locator('#ctl-lev').fill('60');
    await expect(answer.locator('.answer-text')).not.toHaveText(before);
  });
}

test('the live result beside the two sliders moves with them', async ({ page }) => {
  await page.goto('./');
  const live = page.getByTestId('live-result');
  await expect(live).toBeVisible();
  await expect(live).toContainText(/^Model: Bitcoin −?\d/);
  const before = await live.textContent();
  await page.locator('#ctl-cut').fill('90');
  await expect(live).not.toHaveText(before);
});

for (const w of [320, 375, 430]) {
  test(`at ${w} px the live result still says "Model:" and the bar stays short`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: 800 });
    await gotoApp(page);
    const live = page.getByTestId('live-result');
    await expect(live.locator('.lr-label')).toBeVisible();
    await expect(live.locator('.lr-label')).toHaveText('Model:');
    // One line per asset: "Model:" beside them (above them below 360 px).
    const lines = await live.locator('span:not(.lr-label):not(.lr-sep)').evaluateAll((els) => els.map((e) => e.getClientRects().length));
    expect(lines).toEqual([1, 1]);
    const bar = await page.locator('.controlbar').boundingBox();
    expect(bar.height).toBeLessThanOrEqual(800 / 8);
  });
}

test('a try-action sets the controls and adds a history entry that Back undoes', async ({ page }) => {
  const errors = watchErrors(page);
  await gotoApp(page, './?cut=39.6');
  await page.locator('[data-try="cut-90"]').click();
  await expect(page.locator('#ctl-cut-num')).toHaveValue('90');
  expect(param(page, 'cut')).toBe('90');
  await page.locator('[data-try="lev-50"]').click();
  await expect(page.locator('#ctl-lev-num')).toHaveValue('50');
  await page.goBack();
  await expect(page.locator('#ctl-lev-num')).toHaveValue('10');
  await expect(page.locator('#ctl-cut-num')).toHaveValue('90');
  await page.goBack();
  await expect(page.locator('#ctl-cut-num')).toHaveValue('39.6');
  expect(param(page, 'cut')).toBe('39.6');
  // Dragging a slider still replaces the entry instead of adding one.
  const length = await page.evaluate(() => history.length);
  await page.locator('#ctl-cut').fill('20');
  await expect(page).toHaveURL(/[?&]cut=20(&|$)/);
  expect(await page.evaluate(() => history.length)).toBe(length);
  expect(errors).toEqual([]);
});

test('every cause section has at least two try-actions', async ({ page }) => {
  await gotoApp(page, './');
  for (const id of ['rates', 'tariffs', 'liquidity', 'liquidations']) {
    expect(await page.locator(`#${id} [data-try]`).count(), id).toBeGreaterThanOrEqual(2);
  }
});

test('a term opens its plain definition on click, on focus, and closes with Escape', async ({ page }) => {
  await gotoApp(page, './', { built: true });
  const term = page.locator('[data-term="leverage"]').first();
  const def = page.locator(`#${await term.getAttribute('aria-controls')}`);
  await expect(def).toBeHidden();
  await term.click();
  await expect(def).toBeVisible();
  await expect(def).toContainText('borrowed money');
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(def).toBeHidden();
  await page.locator('[data-term="fedwatch"]').focus();
  await expect(page.locator('[data-term="fedwatch"] + .term-def')).toBeVisible();
  for (const slug of ['high-beta', 'basis-point', 'gordon-growth', 'bernanke-kuttner', 'fisher-band', 'forbes-rigobon',
    'open-interest', 'maintenance-margin', 'fixed-point', 'stability-index', 'phi', 'correlation', 'volatility',
    'etf-flow', 'long-term-holder', 'liquidation']) {
    await expect(page.locator(`[data-term="${slug}"]`).first(), slug).toBeAttached();
  }
});

test('print: the glossary defines every term', async ({ page }) => {
  await gotoApp(page, './');
  await page.emulateMedia({ media: 'print' });
  const glossary = page.locator('.glossary');
  await expect(glossary).toBeVisible();
  await expect(glossary.locator('dt')).toHaveCount(18);
  await page.emulateMedia({ media: 'screen' });
});

// One idea per step, depth on demand: the explanation, top to the end of
// #synthesis, fits twelve phone screens with every disclosure closed.
for (const query of ['', '?cut=90&lev=50']) {
  test(`phone height budget: top to the end of #synthesis ≤ 9,750 px at 375×812 ${query || '(defaults)'}`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`./${query}`);
    await expect(page.locator('.loading')).toHaveCount(0);
    await expect(page.locator('#synthesis canvas').first()).toBeVisible();
    await expect(page.locator('#synthesis [data-testid=synthesis-live]')).toContainText('Not explained on the day');
    // Nothing asked for depth: every disclosure is closed.
    expect(await page.locator('main details[open]').count()).toBe(0);
    const bottom = await page.locator('#synthesis').evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
    expect(bottom).toBeLessThanOrEqual(9750);
    // Each cause section still shows its one figure, drawn.
    for (const id of ['rates-empirical', 'correlation', 'impact', 'cascade', 'waterfall-btc']) {
      await expect(page.locator(`#${id} canvas`)).toBeVisible();
    }
  });
}

test('the first chart reconciles the title: apart over three months, together on the day, correlation up', async ({ page }) => {
  await page.goto('./');
  const sentence = page.locator('#timeline [data-testid=reconcile]');
  await expect(sentence).toBeVisible();
  await expect(sentence).toContainText('went separate ways');
  await expect(sentence).toContainText('fell together');
  await expect(sentence).toContainText(/correlation of daily returns had risen from 0\.\d+ .* to 0\.\d+/);
  // Its numbers are the chart's own: the timeline's summary states the same moves.
  const summary = await page.locator('#timeline-summary').textContent();
  const moves = summary.match(/[+−]\d+\.\d+%/g);
  expect(moves.length).toBeGreaterThanOrEqual(4);
  for (const m of [moves[0], moves[1], moves[2], moves[4]]) await expect(sentence).toContainText(m);
  // It sits right at the chart: under a screen from the chart's bottom.
  const chart = await page.locator('#timeline .chart-box').boundingBox();
  const box = await sentence.boundingBox();
  expect(box.y - (chart.y + chart.height)).toBeLessThan(400);
  // It follows the correlation window chosen in section 2.
  await page.goto('./?win=60');
  await expect(page.locator('#timeline [data-testid=reconcile]')).toContainText('in the 56 trading days to 19 Nov');
});

test('"Adjust the model" is closed by default and opens for a link or a try-action that sets one of its controls', async ({ page }) => {
  await gotoApp(page, './');
  const rates = page.getByTestId('adjust-rates');
  await expect(rates).not.toHaveAttribute('open', '');
  await expect(page.locator('#ctl-nqb')).toBeHidden();
  // A try-action that moves an advanced control opens its disclosure.
  await page.locator('[data-try="no-contagion"]').click();
  await expect(page.getByTestId('adjust-liquidations')).toHaveAttribute('open', '');
  await expect(page.locator('#ctl-phi')).toBeVisible();
  await expect(page.locator('#ctl-phi-num')).toHaveValue('0');
  await page.locator('[data-try="vol-adjust"]').click();
  await expect(page.getByTestId('adjust-tariffs')).toHaveAttribute('open', '');
  await expect(page.locator('#ctl-fr')).toBeChecked();
  // A link that sets an advanced control opens it from the start.
  await page.goto('./?nqb=2.5');
  await expect(page.getByTestId('adjust-rates')).toHaveAttribute('open', '');
  await expect(page.locator('#ctl-nqb')).toBeVisible();
  await expect(page.locator('#ctl-nqb-num')).toHaveValue('2.5');
  await expect(page.getByTestId('adjust-tariffs')).not.toHaveAttribute('open', '');
  // The reader opens and closes it with its summary.
  await page.getByTestId('adjust-tariffs').locator('summary').click();
  await expect(page.locator('input[name=win][value="60"]')).toBeVisible();
  await page.getByTestId('adjust-tariffs').locator('summary').click();
  await expect(page.locator('input[name=win][value="60"]')).toBeHidden();
});

test('embeds: a figure embed opens the disclosure holding its figure; a section embed shows its main figure', async ({ page }) => {
  await page.goto('./?embed=rates&fig=rates-textbook');
  await expect(page.locator('#rates-textbook canvas')).toBeVisible();
  await expect(page.locator('#ctl-gg')).toBeVisible();
  await drawn(page.locator('#rates-textbook canvas'));
  await page.goto('./?embed=synthesis&fig=waterfall-spx');
  await expect(page.locator('#waterfall-spx canvas')).toBeVisible();
  await expect(page.locator('#waterfall-btc')).toBeHidden();
  await page.goto('./?embed=liquidity');
  await expect(page.locator('#impact canvas')).toBeVisible();
  await expect(page.locator('#ctl-depth')).toBeVisible();
});

test('print: every disclosure opens on beforeprint and closes again after', async ({ page }) => {
  await gotoApp(page, './');
  // The app's own sections (a stand-in's disclosure is replaced when its section is built).
  await allBuilt(page);
  await expect(page.locator('#rates-textbook')).toBeHidden();
  // The reader had opened one: it stays open after printing.
  await page.locator('#synthesis details.disclose > summary', { hasText: 'key levels' }).click();
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['#rates-textbook canvas', '#rates-results', '#portfolio', '#impact-check', '#flows canvas',
    '#liqmap canvas', '#cascade-vs-actual', '#waterfall-spx canvas', '#model-levels', '#forecasts', '[data-testid=glt]']) {
    await expect(page.locator(sel), sel).toBeVisible();
  }
  await expect(page.locator('#rates .how li').first()).toBeVisible();
  expect(await page.locator('main details.disclose:not([open])').count()).toBe(0);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('#rates-textbook')).toBeHidden();
  await expect(page.locator('#model-levels')).toBeVisible();
});
