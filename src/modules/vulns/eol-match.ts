// Which endoflife.date product and release cycle an asset runs, and whether that cycle's end of life is past or
// near. Pure. endoflife.date names products in its own words ("windows", "fortios"), not CPE's, so the product is
// the CPE product with "_" as "-", or one of the few aliases below where the CPE product also names the cycle.

export interface EolCycleInfo {
  cycle: string;
  label: string | null;
  eolDate: string | null;
  eolFlag: boolean;
  latest: string | null;
}

export type EolState = 'passed' | 'soon';

export const EOL_SOON_DAYS = 90;

// NVD names Windows releases as products (windows_10_22h2); endoflife.date as cycles of "windows" ("10-22h2", and
// "11-23h2-w" / "-e" for the consumer and enterprise editions).
const ALIASES: Readonly<Record<string, { product: string; cycle: string }>> = {
  windows_10_21h2: { product: 'windows', cycle: '10-21h2' },
  windows_10_22h2: { product: 'windows', cycle: '10-22h2' },
  windows_11_22h2: { product: 'windows', cycle: '11-22h2' },
  windows_11_23h2: { product: 'windows', cycle: '11-23h2' },
  windows_11_24h2: { product: 'windows', cycle: '11-24h2' },
};

/** The endoflife.date product (and, for aliases, the cycle) to look up for a CPE product name. */
export function eolProductFor(cpeProduct: string): { product: string; cycle?: string } {
  return ALIASES[cpeProduct] ?? { product: cpeProduct.replace(/_/g, '-') };
}

const endOf = (c: EolCycleInfo): string => (c.eolFlag ? '0000-00-00' : c.eolDate ?? '9999-12-31');

/**
 * The cycle an asset runs: for an alias, that cycle or its editions ("11-23h2-w"), the longest-supported one when
 * several fit (never a guess that makes things look worse); otherwise the longest cycle that the version equals or
 * starts with at a "." or "-" ("7.2" for 7.2.4, never "7.2" for 7.20.1). Null when none fits or the version is unknown.
 */
export function pickCycle(cycles: readonly EolCycleInfo[], version: string, fixedCycle?: string): EolCycleInfo | null {
  if (fixedCycle !== undefined) {
    const fits = cycles.filter((c) => c.cycle.toLowerCase() === fixedCycle || c.cycle.toLowerCase().startsWith(`${fixedCycle}-`));
    return [...fits].sort((a, b) => endOf(b).localeCompare(endOf(a)))[0] ?? null;
  }
  const v = version.trim().toLowerCase();
  if (v === '' || v === '*' || v === '-') return null;
  const fits = cycles.filter((c) => {
    const name = c.cycle.toLowerCase();
    return v === name || v.startsWith(`${name}.`) || v.startsWith(`${name}-`);
  });
  return [...fits].sort((a, b) => b.cycle.length - a.cycle.length)[0] ?? null;
}

/** Past (or stated as ended), within EOL_SOON_DAYS, or neither (null). */
export function eolState(cycle: EolCycleInfo, now: Date): EolState | null {
  if (cycle.eolFlag) return 'passed';
  if (cycle.eolDate === null) return null;
  const today = now.toISOString().slice(0, 10);
  if (cycle.eolDate <= today) return 'passed';
  const soon = new Date(now.getTime() + EOL_SOON_DAYS * 86_400_000).toISOString().slice(0, 10);
  return cycle.eolDate <= soon ? 'soon' : null;
}

/** A supported cycle to move to: the newest one (by name order of release) whose end of life is not near. */
export function supportedCycle(cycles: readonly EolCycleInfo[], now: Date): EolCycleInfo | null {
  const alive = cycles.filter((c) => eolState(c, now) === null);
  return [...alive].sort((a, b) => endOf(b).localeCompare(endOf(a)))[0] ?? null;
}
