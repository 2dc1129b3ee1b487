// Charts draw at most once per frame (src/components/chart/frame.rs): a burst of
// slider inputs costs each chart no more redraws than frames were rendered
// meanwhile.
import { test, expect } from '@playwright/test';
import { allBuilt, gotoApp, ready, watchErrors } from './helpers.mjs';

test('a burst of slider inputs redraws each chart at most once per frame', async ({ page }) => {
  const errors = watchErrors(page);
  // The charts report each draw on window.__chartDrawMs (for make bench).
  await page.addInitScript(() => { window.__chartDrawMs = []; });
  await gotoApp(page, './');
  // The synthesis waterfalls (moved by the cut) are built below the first screen.
  await allBuilt(page);
  // Charts draw only near the viewport: the reader is at the synthesis.
  await page.locator('#waterfall-spx').scrollIntoViewIfNeeded();
  const { frames, draws, far } = await page.evaluate(async () => {
    const el = document.getElementById('ctl-cut');
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    await frame();
    await frame();
    let frames = 0;
    let counting = true;
    const tick = () => { if (counting) { frames += 1; requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
    const from = window.__chartDrawMs.length;
    // Twenty inputs, each a real change, within one frame; after each, the
    // microtask queue drains (where Leptos runs its effects), so a chart
    // that redrew in an effect would draw twenty times here.
    for (let i = 0; i < 20; i++) {
      el.value = String(10 + 4 * i);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      for (let k = 0; k < 20; k++) await Promise.resolve();
    }
    await frame();
    await frame();
    counting = false;
    // Draws are reported by the id of the chart's summary, which two charts
    // may share (the two waterfalls): the limit is per chart.
    const draws = {};
    const far = [];
    const h = innerHeight;
    for (const [label] of window.__chartDrawMs.slice(from)) {
      const canvases = [...document.querySelectorAll(`canvas[aria-describedby="${label}"]`)];
      draws[label] ||= { n: 0, charts: canvases.length };
      draws[label].n += 1;
      // Drawn though more than a screen from the viewport (charts draw within half a screen of it).
      const r = canvases.map((c) => c.getBoundingClientRect());
      if (r.every((b) => b.bottom < -h || b.top > 2 * h) && !far.includes(label)) far.push(label);
    }
    return { frames, draws, far };
  });
  // Out of view, nothing redraws: the rates lens, far above, moves with the
  // cut too, and draws once the reader comes back to it.
  expect(far).toEqual([]);
  expect(draws['rates-empirical-summary']).toBeUndefined();
  const before = await page.evaluate(() => window.__chartDrawMs.length);
  await page.locator('#rates-empirical').scrollIntoViewIfNeeded();
  await expect.poll(() => page.evaluate((n) => window.__chartDrawMs.slice(n).some(([l]) => l === 'rates-empirical-summary'), before)).toBe(true);
  // The cut moves the synthesis waterfalls at least: they did redraw.
  expect(Object.keys(draws).length).toBeGreaterThan(0);
  for (const [label, { n, charts }] of Object.entries(draws)) {
    expect(charts, label).toBeGreaterThan(0);
    expect(n, `the ${charts} chart(s) of ${label} drew ${n} times in ${frames} frames`).toBeLessThanOrEqual(frames * charts);
  }
  expect(errors).toEqual([]);
});
