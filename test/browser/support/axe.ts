import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe-core (injected from node_modules, no network) on the page as it stands and returns the
 * serious and critical violations, each as "rule: help (selectors)" so a failure says what to fix.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an
  // injected <script>, and the scan must not need the page to be any less strict.
  await page.evaluate(`${readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')};undefined`);
  // Browser-side code as a string: the Node-side tsconfig has no DOM types.
  const { violations, passed } = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } }).then((r) => ({ violations: r.violations, passed: r.passes.length }))`,
  )) as { violations: AxeViolation[]; passed: number };
  // A scan that checked nothing (an empty page, a rule set that matched nothing) proves nothing.
  if (passed < 10) throw new Error(`axe-core checked only ${passed} rules: is the page rendered?`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')})`,
    );
}

/** True when the page is no wider than the viewport (nothing scrolls sideways). */
export async function hasNoHorizontalScroll(page: Page): Promise<boolean> {
  return (await page.evaluate(
    'document.documentElement.scrollWidth <= window.innerWidth && document.body.scrollWidth <= window.innerWidth',
  )) as boolean;
}
