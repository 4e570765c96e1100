import { expect, type Page, test } from '@playwright/test';

interface TabStop {
  description: string;
  box: { x: number; y: number; width: number; height: number } | null;
}

/** What the keyboard is on: tag, role, name and classes, for a failure message a developer can act on. */
async function activeStop(page: Page): Promise<TabStop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const role = el.getAttribute('role');
    const description = `<${el.tagName.toLowerCase()}${role ? ` role=${role}` : ''}> "${name}" .${String(el.className).split(/\s+/).slice(0, 6).join('.')}`;
    const r = el.getBoundingClientRect();
    return { description, box: r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null };
  });
}

/**
 * Presses Tab through the page (up to `max` stops, or until focus leaves the page or comes back round) and checks at
 * each stop that focus is visible: the pixels around the focused element differ from those around it unfocused. That
 * catches a missing ring, one hidden by `outline: none`, one clipped away by an overflow container, and an element
 * that takes focus while invisible. Works inside an open dialog too (its focus trap brings Tab back round).
 */
export async function expectVisibleFocusAtEveryTabStop(page: Page, name: string, { max = 80 } = {}) {
  const viewport = page.viewportSize()!;
  const invisible: string[] = [];
  const seen = new Set<string>();
  let stops = 0;
  let previous = '';
  // Starting from the document (or the dialog), as a keyboard user arrives.
  for (let presses = 0; stops < max && presses < max * 3; presses++) {
    await page.keyboard.press('Tab');
    const stop = await activeStop(page);
    if (!stop) break;
    const key = `${stop.description}@${stop.box ? `${Math.round(stop.box.x)},${Math.round(stop.box.y)}` : 'none'}`;
    // Tab also steps through the parts of one control (hours and minutes of a time input): the same stop again.
    if (key === previous) continue;
    previous = key;
    if (seen.has(key)) break;
    seen.add(key);
    stops++;
    if (!stop.box) {
      invisible.push(`${stop.description}: takes focus but has no size`);
      continue;
    }
    const pad = 6;
    const x = Math.max(0, Math.floor(stop.box.x - pad));
    const y = Math.max(0, Math.floor(stop.box.y - pad));
    const clip = {
      x,
      y,
      width: Math.max(1, Math.min(viewport.width, Math.ceil(stop.box.x + stop.box.width + pad)) - x),
      height: Math.max(1, Math.min(viewport.height, Math.ceil(stop.box.y + stop.box.height + pad)) - y),
    };
    const focused = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
    // The same pixels with the element unfocused; then focus goes back so the next Tab continues from it.
    const handle = await page.evaluateHandle(() => document.activeElement as HTMLElement);
    await handle.evaluate((el) => el.blur());
    const blurred = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
    await handle.evaluate((el) => el.focus({ preventScroll: true }));
    await handle.dispose();
    if (focused.equals(blurred)) invisible.push(`${stop.description}: no visible change when focused`);
  }
  test.info().annotations.push({ type: 'tab stops checked', description: `${name}: ${stops}` });
  expect(stops, `${name}: Tab reached no element`).toBeGreaterThan(0);
  expect.soft(invisible, `${name}: focus is not visible on ${invisible.length} of ${stops} tab stops`).toEqual([]);
}
