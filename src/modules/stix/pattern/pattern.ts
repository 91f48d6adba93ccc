// STIX 2.1 patterning (§9): parse an indicator's pattern, check it, and list its comparisons for correlation.
// A hand-written tokenizer and recursive-descent parser; the OASIS ANTLR grammar (STIXPattern.g4) is the reference.
import type { EqualityObservable, PatternComparison, PatternResult, PrimitiveValue } from './pattern-ast.js';
import { PatternError } from './pattern-errors.js';
import { parseAst } from './pattern-parser.js';

export type {
  ComparisonExpression,
  ComparisonGroup,
  ComparisonNode,
  ComparisonOperator,
  ConstantKind,
  EqualityObservable,
  ObservationExpression,
  ObservationGroup,
  ObservationNode,
  PathStep,
  PatternComparison,
  PatternConstant,
  PatternResult,
  PrimitiveValue,
  QualifiedObservation,
  Qualifier,
} from './pattern-ast.js';
export type { LocalText, PatternErrorCode } from './pattern-errors.js';

/**
 * Parses and checks a STIX pattern. On success: every comparison (in written order, paths canonical) and the tree.
 * On failure: the 0-based offset (UTF-16 code units) where it went wrong and a message in Japanese and English.
 */
export function parsePattern(text: string): PatternResult {
  if (typeof text !== 'string') {
    const en = 'Expected a pattern as a string, but found something else.';
    return { ok: false, position: 0, code: 'not-a-string', message: { en, ja: 'パターンは文字列である必要がありますが、文字列ではありません。' } };
  }
  try {
    const { ast, comparisons } = parseAst(text);
    const flat = comparisons.map(({ objectType, path, operator, negated, value }): PatternComparison => ({ objectType, path, operator, negated, value }));
    return { ok: true, comparisons: flat, ast };
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, position: error.position, code: error.code, message: error.text };
    throw error;
  }
}

/**
 * The indicator values to correlate on: `type:path = value` comparisons that are not negated, each once,
 * in written order. IN lists and NOT != are left out on purpose: only a plain equality names one value.
 */
export function equalityObservables(result: PatternResult): EqualityObservable[] {
  if (!result.ok) return [];
  const seen = new Set<string>();
  const out: EqualityObservable[] = [];
  for (const c of result.comparisons) {
    if (c.operator !== '=' || c.negated || c.value === null || Array.isArray(c.value)) continue;
    const value: PrimitiveValue = c.value;
    const key = `${c.objectType}\u0000${c.path}\u0000${typeof value}\u0000${String(value)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ objectType: c.objectType, path: c.path, value });
  }
  return out;
}
