// PLACEHOLDER (being replaced by the STIX patterning parser): the interface others rely on.
export interface PatternComparison {
  objectType: string; // e.g. "ipv4-addr"
  path: string; // e.g. "value", "hashes.'SHA-256'", "extensions.'x'.y[*]"
  operator: string; // =, !=, >, <, >=, <=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET, EXISTS
  negated: boolean;
  value: string | number | boolean | Array<string | number | boolean> | null;
}

export type PatternResult =
  | { ok: true; comparisons: PatternComparison[] }
  | { ok: false; position: number; message: { ja: string; en: string } };

export function parsePattern(_text: string): PatternResult {
  return { ok: true, comparisons: [] };
}
