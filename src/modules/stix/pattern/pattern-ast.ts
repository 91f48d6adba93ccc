// The shapes a STIX 2.1 pattern (§9) parses into. Pure types, no logic.
import type { LocalText, PatternErrorCode } from './pattern-errors.js';

export type ComparisonOperator = '=' | '!=' | '>' | '<' | '>=' | '<=' | 'IN' | 'LIKE' | 'MATCHES' | 'ISSUBSET' | 'ISSUPERSET' | 'EXISTS';

export type PrimitiveValue = string | number | boolean;

/**
 * One comparison, flattened for correlation on `type:path = value`.
 * `value` is the constant's value: a string for 'string', b'…' (the base64 text), h'…' (the hex text)
 * and t'…' (the timestamp text); a number for integers and floats; a boolean; a list for IN; null for EXISTS.
 */
export interface PatternComparison {
  objectType: string; // e.g. "ipv4-addr"
  path: string; // canonical, e.g. "value", "hashes.'SHA-256'", "extensions.'x'.y[*]"
  operator: ComparisonOperator;
  negated: boolean;
  value: PrimitiveValue | PrimitiveValue[] | null;
}

export type ConstantKind = 'string' | 'integer' | 'float' | 'boolean' | 'binary' | 'hex' | 'timestamp';

export interface PatternConstant {
  kind: ConstantKind;
  value: PrimitiveValue;
}

export type PathStep = { kind: 'property'; name: string } | { kind: 'index'; index: number } | { kind: 'any-index' };

/** A comparison in the tree: the flattened fields plus the exact constants and path steps. */
export interface ComparisonNode extends PatternComparison {
  type: 'comparison';
  steps: PathStep[];
  /** One constant for the scalar operators, the list members for IN (possibly none), none for EXISTS. */
  constants: PatternConstant[];
  /** Offset of the object path (or of EXISTS) in the pattern text. */
  position: number;
}

/** Comparisons joined inside one pair of brackets; AND binds tighter than OR. Operands are two or more. */
export interface ComparisonGroup {
  type: 'comparison-group';
  operator: 'AND' | 'OR';
  operands: ComparisonExpression[];
}

export type ComparisonExpression = ComparisonNode | ComparisonGroup;

/** `[ … ]`: one observation expression. */
export interface ObservationNode {
  type: 'observation';
  expression: ComparisonExpression;
  position: number;
}

/** Observation expressions joined by one operator; precedence AND > OR > FOLLOWEDBY. Operands are two or more. */
export interface ObservationGroup {
  type: 'observation-group';
  operator: 'AND' | 'OR' | 'FOLLOWEDBY';
  operands: ObservationExpression[];
}

export type Qualifier =
  | { kind: 'WITHIN'; seconds: number }
  | { kind: 'REPEATS'; times: number }
  | { kind: 'START_STOP'; start: string; stop: string };

/** An observation expression (bracketed or parenthesised) followed by one or more qualifiers, in written order. */
export interface QualifiedObservation {
  type: 'qualified';
  expression: ObservationExpression;
  qualifiers: Qualifier[];
}

export type ObservationExpression = ObservationNode | ObservationGroup | QualifiedObservation;

export type PatternResult =
  | { ok: true; comparisons: PatternComparison[]; ast: ObservationExpression }
  | { ok: false; position: number; code: PatternErrorCode; message: LocalText };

export interface EqualityObservable {
  objectType: string;
  path: string;
  value: PrimitiveValue;
}
