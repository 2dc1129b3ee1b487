// Charts a reader can read (issue 16): read-outs by hover, tap and arrow
// keys checked against the bundled data, the phone control bar, dark charts,
// reduced motion, markers off the data, print and the keyboard step.
import { test, expect } from '@playwright/test';
import { gotoApp, openDisclosures, ready, watchErrors, openDeeper } from './helpers.mjs';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2025-11-20" → "20 Nov 2025", as the page writes dates. */
const long = (iso) => { const [y, m, d] = iso.split('-').map(Number); return `${d} ${MONTHS[m - 1]} ${y}`; };
/** A number as the page prints it: grouped, true minus. */
const fmt = (v, dec) => {
  const s = Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: dec, maximumFractionDigits: dec });
  return (v < 0 && /[1-9]/.test(s) ? '−' : '') + s;
};

async function markets(page) {
  return (await page.request.get('data/markets.json')).json();
}
/** The S&P 500 rebased to 100 on 2 Sep 2025, by date, from markets.json. */
function rebasedSp(m) {
  const pts = m.series.find((s) => s.id === 'sp500').points;
  const base = pts.find((p) => p[0] === '2025-09-02')[1];
  return new Map(pts.map(([d, v]) => [d, (v / base) * 100]));
}

/** The read-out's rows as {name: value}, and its title. */
async function readout(figure) {
  const box = figure.locator('.readout');
  await expect(box).toBeVisible();
  const title = await box.locator('.readout-title').innerText();
  const rows = await box.locator('.readout-row').evaluateAll((els) => els.map((e) => [
    e.querySelector('.readout-name').textContent, e.querySelector('.readout-value').textContent]));
  return { title, rows: Object.fromEntries(rows) };
}

/** Hover the canvas at a share `fx` of its width, half-way down. */
async function hover(page, figure, fx) {
  const c = figure.locator('canvas').first();
  await c.scrollIntoViewIfNeeded();
  const b = await c.boundingBox();
  await page.mouse.move(b.x + b.width * fx, b.y + b.height * 0.55);
}

test('timeline: hover, arrow keys and the announced value match markets.json', async ({ page }) => {
  const errors = watchErrors(page);
  await gotoApp(page, './');
  const sp = rebasedSp(await markets(page));
  const fig = page.locator('#timeline');
  for (const fx of [0.3, 0.6, 0.9]) {
    await hover(page, fig, fx);
    const r = await readout(fig);
    const iso = [...sp.keys()].find((d) => r.title.startsWith(long(d)));
    if (!iso) continue; // a day with Bitcoin but no S&P close (weekend)
    expect(r.rows['S&P 500']).toBe(fmt(sp.get(iso), 1));
  }
  // Keyboard: Home is the base day (100.0), arrows step day by day, and the
  // value is announced in a live region.
  await fig.locator('canvas').focus();
  await page.keyboard.press('Home');
  let r = await readout(fig);
  expect(r.title).toContain('2 Sep 2025');
  expect(r.rows['S&P 500']).toBe('100.0');
  expect(r.rows['Bitcoin']).toBe('100.0');
  await page.keyboard.press('ArrowRight');
  r = await readout(fig);
  expect(r.title).toContain('3 Sep 2025');
  expect(r.rows['S&P 500']).toBe(fmt(sp.get('2025-09-03'), 1));
  await expect(fig.locator('.readout-live')).toContainText('3 Sep 2025');
  await expect(fig.locator('.readout-live')).toContainText(`S&P 500 ${fmt(sp.get('2025-09-03'), 1)}`);
  // 20 Nov by keyboard: End, then back to it.
  await page.keyboard.press('End');
  for (let i = 0; i < 20; i++) {
    r = await readout(fig);
    if (r.title.startsWith('20 Nov 2025')) break;
    await page.keyboard.press('ArrowLeft');
  }
  expect(r.title).toContain('20 Nov 2025');
  expect(r.rows['S&P 500']).toBe(fmt(sp.get('2025-11-20'), 1));
  await page.keyboard.press('Escape');
  await expect(fig.locator('.readout')).toBeHidden();
  expect(errors).toEqual([]);
});

test('timeline: a tap on a phone shows the value of the day tapped', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await gotoApp(page, './');
  const sp = rebasedSp(await markets(page));
  const fig = page.locator('#timeline');
  const c = fig.locator('canvas');
  await c.scrollIntoViewIfNeeded();
  const b = await c.boundingBox();
  await page.touchscreen.tap(b.x + b.width * 0.5, b.y + b.height * 0.6);
  const r = await readout(fig);
  const iso = [...sp.keys()].find((d) => r.title.startsWith(long(d)));
  if (iso) expect(r.rows['S&P 500']).toBe(fmt(sp.get(iso), 1));
  else expect(r.rows['S&P 500']).toBeUndefined();
  expect(r.rows['Bitcoin']).toMatch(/^\d+\.\d$/);
  await ctx.close();
});

test('correlation: the read-out matches the table, by hover and by keys', async ({ page }) => {
  await gotoApp(page, './');
  const fig = page.locator('#correlation');
  const section = page.locator('#tariffs');
  await openDeeper(page, '#tariffs');
  await section.getByRole('button', { name: 'Show as table' }).first().click();
  const table = section.locator('.data-alt.open table');
  const rows = new Map(await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => {
    const cells = [...tr.children].map((c) => c.textContent);
    return [cells[0], cells.slice(1)];
  })));
  expect(rows.size).toBeGreaterThan(10);
  const check = async () => {
    const r = await readout(fig);
    const day = r.title.replace('Window ending ', '');
    expect(rows.has(day), day).toBe(true);
    expect(r.rows['Correlation']).toBe(rows.get(day)[0]);
    expect(r.rows['95% band']).toBe(rows.get(day)[1]);
  };
  await hover(page, fig, 0.75);
  await check();
  await fig.locator('canvas').focus();
  await page.keyboard.press('End');
  await check();
  await page.keyboard.press('ArrowLeft');
  await check();
});

test('both waterfalls: each bar read by hover and keys equals the table; the S&P 500 actual bar equals markets.json', async ({ page }) => {
  await gotoApp(page, './');
  // Some charts sit in "More: …" disclosures: open them as a reader would.
  await openDisclosures(page);
  const section = page.locator('#synthesis');
  await section.getByRole('button', { name: 'Show as table' }).first().click();
  const table = section.locator('.data-alt.open table');
  const rows = new Map(await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => {
    const cells = [...tr.children].map((c) => c.textContent);
    return [cells[0], cells.slice(1)];
  })));
  const m = await markets(page);
  const pts = new Map(m.series.find((s) => s.id === 'sp500').points);
  const spxActual = (pts.get('2025-11-20') / pts.get('2025-11-19') - 1) * 100;
  for (const [id, col] of [['#waterfall-btc', 0], ['#waterfall-spx', 1]]) {
    const fig = page.locator(id);
    await fig.locator('canvas').focus();
    await page.keyboard.press('Home');
    const seen = [];
    for (let i = 0; i < 10; i++) {
      const r = await readout(fig);
      if (seen.includes(r.title)) break;
      seen.push(r.title);
      const value = Object.values(r.rows)[0];
      expect(value, `${id} ${r.title}`).toBe(rows.get(r.title)[col]);
      await page.keyboard.press('ArrowRight');
    }
    expect(seen.at(-1)).toBe('Actual');
    // Bitcoin: four parts through stocks, ETF selling, liquidations, not explained, actual;
    // the S&P 500: the AI/tech reversal, rates, contagion, not explained, actual.
    expect(seen.length).toBe(id === '#waterfall-btc' ? 8 : 5);
    // Hover: the last bar is the actual move.
    await page.keyboard.press('Escape');
    await hover(page, fig, 0.93);
    const r = await readout(fig);
    expect(r.title).toBe('Actual');
    if (id === '#waterfall-spx') expect(r.rows['Move']).toBe(`${fmt(spxActual, 2)}%`);
  }
});

test('every chart answers arrow keys with a read-out', async ({ page }) => {
  await gotoApp(page, './');
  // Some charts sit in "More: …" disclosures: open them as a reader would.
  await openDisclosures(page);
  const canvases = page.locator('main canvas');
  await expect(canvases).toHaveCount(10);
  for (let i = 0; i < 10; i++) {
    const c = canvases.nth(i);
    await c.focus();
    await page.keyboard.press('ArrowRight');
    const box = c.locator('xpath=..').locator('.readout');
    await expect(box).toBeVisible();
    await expect(box).not.toContainText(/NaN|inf|-\d/);
  }
});

test('the phone control bar is at most 81 px tall at 375 × 812 and opaque', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await gotoApp(page, './');
  const bar = page.locator('.controlbar');
  const { height, bg } = await bar.evaluate((e) => ({ height: e.getBoundingClientRect().height, bg: getComputedStyle(e).backgroundColor }));
  expect(height).toBeLessThanOrEqual(81);
  expect(bg).toMatch(/^rgb\(/); // no alpha
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await bar.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(20, 20, 20)');
});

test('arrow keys move the two sliders by one point and one unit of leverage', async ({ page }) => {
  await gotoApp(page, './?cut=39.6&lev=10');
  await page.locator('#ctl-cut').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#ctl-cut-num')).toHaveValue('40.6');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#ctl-cut-num')).toHaveValue('38.6');
  await page.locator('#ctl-lev').focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#ctl-lev-num')).toHaveValue('11');
});

test('a touch on a slider that the browser turns into a scroll leaves the value as it was', async ({ page }) => {
  await gotoApp(page, './?cut=82.2');
  await page.locator('#ctl-cut').evaluate((el) => {
    el.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true }));
    el.value = '39.3';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new PointerEvent('pointercancel', { pointerType: 'touch', bubbles: true }));
  });
  await expect(page.locator('#ctl-cut-num')).toHaveValue('82.2');
  expect(await page.locator('#ctl-cut').evaluate((el) => getComputedStyle(el).touchAction)).toBe('pan-y');
});

for (const how of ['system', 'link']) {
  test(`charts are drawn dark in dark mode (${how})`, async ({ page }) => {
    if (how === 'system') await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(how === 'system' ? './' : './?embed=synthesis&theme=dark');
    const c = page.locator('main canvas').first();
    await c.scrollIntoViewIfNeeded();
    // The plot area's background: the median of a 5 × 5 grid of pixels inside
    // it (a single pixel may land on a bar or a line).
    await expect.poll(() => c.evaluate((el) => {
      const ctx = el.getContext('2d');
      const sums = [];
      for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) {
        const d = ctx.getImageData(Math.round(el.width * (0.2 + 0.15 * i)), Math.round(el.height * (0.15 + 0.15 * j)), 1, 1).data;
        sums.push(d[0] + d[1] + d[2]);
      }
      return sums.sort((a, b) => a - b)[12];
    }), { timeout: 10_000 }).toBeLessThan(3 * 60);
  });
}

test('a theme change redraws the charts live', async ({ page }) => {
  await gotoApp(page, './?theme=auto');
  const c = page.locator('#timeline canvas');
  const px = () => c.evaluate((el) => el.getContext('2d').getImageData(Math.round(el.width * 0.3), Math.round(el.height * 0.12), 1, 1).data[0]);
  await expect.poll(px).toBeGreaterThan(200);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(px).toBeLessThan(60);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(px).toBeGreaterThan(200);
});

test('reduced motion shows the final round at once; Step walks from round 1', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await gotoApp(page, './');
  const stepper = page.locator('#cascade .stepper');
  await expect(stepper).toHaveText(/Round (\d+) of \1(?!\d)/);
  await stepper.getByRole('button', { name: 'Step' }).click();
  await expect(stepper).toContainText('Round 1 of');
});

test('event markers sit above the plot at 375 px: 24 px targets, centres 28 px apart, groups open a list', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await gotoApp(page, './');
  // Some charts sit in "More: …" disclosures: open them as a reader would.
  await openDisclosures(page);
  for (const id of ['#timeline', '#correlation', '#flows']) {
    const fig = page.locator(id);
    await fig.scrollIntoViewIfNeeded();
    const boxes = await fig.locator('.event-marker').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    const canvasTop = (await fig.locator('canvas').boundingBox()).y;
    expect(boxes.length).toBeGreaterThan(0);
    const xs = boxes.map((b) => b.x + b.width / 2).sort((a, b) => a - b);
    for (const b of boxes) {
      expect(b.height).toBeGreaterThanOrEqual(24);
      expect(b.width).toBeGreaterThanOrEqual(24);
      // The plot starts 30 px below the canvas top: the rail is above it.
      expect(b.bottom - canvasTop).toBeLessThanOrEqual(30);
    }
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(27.9);
  }
  const group = page.locator('#timeline .event-marker.group').last();
  await expect(group).toHaveText(/\d–\d/);
  await group.click();
  const menu = page.locator('#timeline .event-menu:visible');
  await expect(menu).toBeVisible();
  await menu.getByRole('button').first().click();
  await expect(menu).toBeHidden();
  await expect(group).toBeFocused();
  await expect(page.locator('#timeline .event-note')).not.toBeEmpty();
});

test('print lists the events instead of the marker hint', async ({ page }) => {
  await gotoApp(page, './');
  await page.emulateMedia({ media: 'print' });
  const fig = page.locator('#timeline');
  await expect(fig.locator('.event-list')).toBeVisible();
  await expect(fig.locator('.event-list li').first()).toContainText('2025');
  await expect(fig.getByText('Numbered markers are events')).toBeHidden();
  await expect(fig.locator('button.download')).toBeHidden();
});

test('Download image saves a PNG', async ({ page }) => {
  await gotoApp(page, './');
  // Some charts sit in "More: …" disclosures: open them as a reader would.
  await openDisclosures(page);
  const fig = page.locator('#waterfall-spx');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    fig.getByRole('button', { name: 'Download image' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^selloff-.*\.png$/);
});
