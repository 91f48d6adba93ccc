// Accessibility checks any end-to-end test can call: axe-core in the page, at phone and desktop width,
// with one screenshot per size (test-artifacts/screenshots/<name>.phone.png / .desktop.png).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, PHONE, screenshots } from './helpers.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What fails the run: the two highest of axe's four impact levels. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

// WCAG 2.1 A and AA plus axe's best practices; a string, because the test tsconfig has no DOM types.
const RUN_AXE = `(async () => {
  const result = await window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
})()`;

async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the app's Content-Security-Policy rightly refuses inline scripts.
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const violations = await page.evaluate<AxeViolation[]>(RUN_AXE);
  return violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
}

/** One line per offending element: rule id, impact, target selector, help text. */
export function describeViolations(name: string, size: string, violations: AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${name} (${size}): [${v.impact}] ${v.id} at ${JSON.stringify(n.target)}: ${v.help} (${v.helpUrl})`));
}

/**
 * Runs axe on the page at phone and desktop width, saves a screenshot at each, and fails on any
 * serious or critical violation, listing every one. The viewport is restored afterwards.
 */
export async function auditPage(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? DESKTOP;
  const problems: string[] = [];
  for (const [label, size] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    await page.setViewportSize(size);
    problems.push(...describeViolations(name, label, await seriousViolations(page)));
    await screenshots(page, name, label);
  }
  await page.setViewportSize(before);
  expect(problems, `serious or critical accessibility violations on ${name}`).toEqual([]);
}
