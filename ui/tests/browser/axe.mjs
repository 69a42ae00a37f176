// axe-core in the page under test. The app's CSP allows no inline or injected
// <script>, so axe's source is evaluated through the DevTools protocol
// (page.evaluate), which CSP does not govern; the app itself is untouched.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a screen (issue 17: zero serious or critical violations). */
export const FAILING = ['serious', 'critical'];

/**
 * Runs every rule axe enables by default (WCAG 2.x A/AA and best practices) on
 * the whole document, or on `within` (a CSS selector) when given, and returns
 * the violations of a failing impact, one entry per rule.
 */
export async function axeViolations(page, within) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  // Colour contrast reads computed colours: let a colour-scheme switch or an
  // opening dialog finish its transition first.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const found = await page.evaluate(
    async ({ within, failing }) => {
      const result = await window.axe.run(within ? document.querySelector(within) : document, {
        resultTypes: ['violations'],
      });
      return result.violations
        .filter((v) => failing.includes(v.impact))
        .map((v) => ({
          rule: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
        }));
    },
    { within, failing: FAILING },
  );
  return found;
}

/** The violations as lines a reader can act on: rule, impact, selector, summary. */
export function describe(where, violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`${where}: ${v.rule} (${v.impact}) ${v.help}`);
    for (const n of v.nodes.slice(0, 8)) {
      lines.push(`    at ${n.target}: ${n.summary.replace(/\s*\n\s*/g, ' ')}`);
    }
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more`);
  }
  return lines;
}
