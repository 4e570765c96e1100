import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import type { Result } from 'axe-core';

/** WCAG 2.1 A and AA, as axe-core measures it (its best-practice rules are not part of the bar). */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const BLOCKING = new Set(['serious', 'critical']);

// The axe-core that @axe-core/playwright ships, set up once per document: the builder injects its source before every
// run (twice in legacy mode), which costs more than the run itself when one document is checked at two widths.
const axeSource = `if (typeof window.axe === 'undefined') {\n${readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')}\n}`;

/** One violation per paragraph: rule, impact, what it means, and each offending element with axe's own explanation. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((node) => {
          const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
          const html = node.html.length > 160 ? `${node.html.slice(0, 160)}…` : node.html;
          return `    - ${node.target.join(' ')}\n      ${html}\n      ${summary}`;
        })
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical WCAG 2.1 AA violation, listing them
 * readably. `name` says which page and state was checked (the failure message and the attached report carry it).
 * Waits for the fonts and for running colour transitions first: the contrast rule measures text as it is drawn.
 */
export async function expectNoSeriousViolations(page: Page, name?: string) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Colours mid-transition (a button turning enabled) are no colour the page shows for long: judge them settled.
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined))));
  // Legacy mode runs axe in the page itself; the default mode finishes each run in a new blank page, about three times
  // slower, for cross-origin frames these pages do not have.
  const results = await new AxeBuilder({ page, axeSource }).withTags(WCAG_21_AA).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const what = name ?? new URL(page.url()).pathname;
  if (results.violations.length > 0) {
    await test.info().attach(`axe ${what}`, { body: formatViolations(results.violations), contentType: 'text/plain' });
  }
  // Soft: one run lists every page's violations, not only the first page's.
  expect.soft(blocking.length, `axe-core on ${what} (${page.url()}):\n\n${formatViolations(blocking)}\n`).toBe(0);
}
