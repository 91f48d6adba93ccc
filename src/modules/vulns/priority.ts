// The order in which an organisation should act on its findings. Pure.
//
// One integer per finding, higher first. Exploitation known in the wild (CISA KEV) outweighs everything else: 500
// points, more than the rest can add up to. Then the likelihood of exploitation in the next 30 days (EPSS, 0–1) up
// to 200, the CVSS base score (0–10) up to 100, and 50 when the asset faces the internet. An end of life already
// past is 150 (a product without fixes at all), one within 90 days 80, with the same 50 for internet exposure.
// A finding the member has closed (patched, mitigated, not applicable, accepted risk) keeps its number; lists put
// open ones first.

export const PRIORITY = { kev: 500, epssMax: 200, cvssMax: 100, internetFacing: 50, eolPassed: 150, eolSoon: 80 } as const;

export function vulnPriority(input: { kev: boolean; epss: number | null; cvss: number | null; internetFacing: boolean }): number {
  return (input.kev ? PRIORITY.kev : 0)
    + Math.round((input.epss ?? 0) * PRIORITY.epssMax)
    + Math.round(((input.cvss ?? 0) / 10) * PRIORITY.cvssMax)
    + (input.internetFacing ? PRIORITY.internetFacing : 0);
}

export function eolPriority(input: { state: 'passed' | 'soon'; internetFacing: boolean }): number {
  return (input.state === 'passed' ? PRIORITY.eolPassed : PRIORITY.eolSoon) + (input.internetFacing ? PRIORITY.internetFacing : 0);
}
