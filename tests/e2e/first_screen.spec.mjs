import { test, expect } from '@playwright/test';
import { gotoApp } from './helpers.mjs';

// Issue #25: a laptop's first screen holds the title, the answer, its bars
// and both sliders; on a phone nothing is cut off.

for (const [w, h] of [[1366, 768], [1280, 800]]) {
  test(`at ${w}×${h} the title, the answer, its bars and both sliders are in the first screen`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await gotoApp(page);
    const inView = async (sel) => {
      const els = page.locator(sel);
      const n = await els.count();
      expect(n, sel).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) {
        const b = await els.nth(i).boundingBox();
        expect(b, sel).not.toBeNull();
        expect(b.y, `${sel} top`).toBeGreaterThanOrEqual(0);
        expect(b.y + b.height, `${sel} bottom`).toBeLessThanOrEqual(h);
      }
    };
    for (const sel of ['h1', '[data-testid=answer] .answer-text', '[data-testid=answer] .answer-bars', '#ctl-cut', '#ctl-lev', '#ctl-cut-num', '#ctl-lev-num']) {
      await inView(sel);
    }
    // The bars use the width beside the sentences rather than below them.
    const text = await page.locator('[data-testid=answer] .answer-text').boundingBox();
    const bars = await page.locator('[data-testid=answer] .answer-figure').boundingBox();
    expect(bars.x).toBeGreaterThan(text.x + text.width);
  });
}

for (const w of [320, 375, 430]) {
  test(`at ${w} px no label, legend or bar name is cut off`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: 800 });
    await gotoApp(page, './', { built: true });
    // Every visible element whose own text overflows its box (an ellipsis,
    // or text clipped by overflow: hidden).
    const cut = await page.evaluate(() => {
      const out = [];
      for (const e of document.querySelectorAll('label, legend, summary, button, .bar-label, .legend li, .answer-asset, th, .lr-label')) {
        if (!e.getClientRects().length) continue;
        const cs = getComputedStyle(e);
        const clips = cs.textOverflow === 'ellipsis' || cs.overflowX === 'hidden' || cs.overflowX === 'clip';
        if (clips && e.scrollWidth > e.clientWidth + 1) out.push(`${e.tagName.toLowerCase()}.${e.className}: "${e.textContent.trim().slice(0, 60)}"`);
        // Or wider than the page itself.
        const r = e.getBoundingClientRect();
        if (r.right > innerWidth + 1 && !e.closest('.table-wrap')) out.push(`past the edge: "${e.textContent.trim().slice(0, 60)}"`);
      }
      return out;
    });
    expect(cut).toEqual([]);
    // The first slider's short label on a phone; its full name for assistive tech.
    await expect(page.locator('.controlbar .slider').first().locator('.label-short')).toBeVisible();
    await expect(page.getByRole('slider', { name: 'December rate-cut probability', exact: true })).toHaveCount(1);
  });
}

test('each cause section ends in at most three closed doors, besides its claim\'s sources', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await gotoApp(page, './', { built: true });
  const doors = await page.evaluate(() => ['rates', 'tariffs', 'liquidity', 'liquidations'].map((id) => {
    const shown = (e) => e.checkVisibility({ checkVisibilityCSS: true }) && e.getBoundingClientRect().height > 0;
    const s = document.getElementById(id);
    const all = [...s.querySelectorAll('details > summary, button.show-table, button.show-questions')].filter(shown);
    const sources = all.filter((e) => e.parentElement.matches('details.sources'));
    return { id, doors: all.filter((e) => !sources.includes(e)).map((e) => e.textContent.trim()), sources: sources.length };
  }));
  for (const { id, doors: d, sources } of doors) {
    expect(d.length, `${id}: ${d.join(' | ')}`).toBeLessThanOrEqual(3);
    expect(d.some((t) => t.startsWith('Go deeper')), id).toBe(true);
    expect(sources, `${id}: the claim's sources only`).toBeLessThanOrEqual(1);
  }
});

test('a link that sets a control inside "Go deeper" opens it and the disclosure within', async ({ page }) => {
  await gotoApp(page, './?wbtc=25#tariffs', { built: true });
  const deeper = page.locator('#tariffs details.deeper');
  await expect(deeper).toHaveAttribute('open', '');
  await expect(page.locator('#ctl-wbtc')).toBeVisible();
  await expect(page.locator('#tariffs details.deeper details[open] > summary', { hasText: 'leverage and a portfolio' })).toBeVisible();
});

test('a class embed shows the questions open, right after the main figure', async ({ page }) => {
  await gotoApp(page, './?embed=tariffs&questions=1');
  const q = page.getByTestId('questions-tariffs');
  await expect(q).toHaveCount(1);
  await expect(q.locator('.question').first()).toBeVisible();
  await expect(q.locator('.answer').first()).toBeHidden();
  // Right after the main figure's try-line, before "Go deeper".
  const order = await page.evaluate(() => {
    const s = document.getElementById('tariffs');
    const q = s.querySelector('[data-testid=questions-tariffs]');
    const fig = s.querySelector('#correlation, figure.figure');
    const deeper = s.querySelector('details.deeper');
    return [fig.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_FOLLOWING, q.compareDocumentPosition(deeper) & Node.DOCUMENT_POSITION_FOLLOWING];
  });
  expect(order.every(Boolean)).toBe(true);
});
