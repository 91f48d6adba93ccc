// Recursive descent over observation expressions (STIX 2.1 §9): FOLLOWEDBY binds loosest, then OR, then AND;
// qualifiers bind to the bracketed or parenthesised expression just before them.
import type { ComparisonNode, ObservationExpression, Qualifier } from './pattern-ast.js';
import { comparisonExpression } from './pattern-comparison.js';
import { compareTimestamps } from './pattern-constants.js';
import { Cursor } from './pattern-cursor.js';
import { EXPECTED, HINTS, type LocalText } from './pattern-errors.js';

export interface ParsedPattern {
  ast: ObservationExpression;
  /** Every comparison, in the order written. */
  comparisons: ComparisonNode[];
}

/** Throws PatternError when the text is not a valid pattern. */
export function parseAst(text: string): ParsedPattern {
  const cur = new Cursor(text);
  const comparisons: ComparisonNode[] = [];
  const ast = followedBy(cur, comparisons);
  if (!cur.at('eof')) cur.fail(EXPECTED.afterPattern, hintAfterObservation(cur));
  return { ast, comparisons };
}

type Operand = (cur: Cursor, found: ComparisonNode[]) => ObservationExpression;

function joined(cur: Cursor, found: ComparisonNode[], operator: 'AND' | 'OR' | 'FOLLOWEDBY', operand: Operand): ObservationExpression {
  const first = operand(cur, found);
  if (!cur.is(operator)) return first;
  const operands = [first];
  while (cur.is(operator)) {
    cur.advance();
    operands.push(operand(cur, found));
  }
  return { type: 'observation-group', operator, operands };
}

const followedBy: Operand = (cur, found) => joined(cur, found, 'FOLLOWEDBY', observationOr);
const observationOr: Operand = (cur, found) => joined(cur, found, 'OR', observationAnd);
const observationAnd: Operand = (cur, found) => joined(cur, found, 'AND', qualified);

function qualified(cur: Cursor, found: ComparisonNode[]): ObservationExpression {
  const expression = observationAtom(cur, found);
  let qualifiers: Qualifier[] | undefined;
  for (;;) {
    const keyword = cur.tok;
    const qualifier = cur.is('WITHIN') ? within(cur) : cur.is('REPEATS') ? repeats(cur) : cur.is('START') ? startStop(cur) : undefined;
    if (!qualifier) break;
    // As the OASIS validator does: one qualifier of a kind per expression; parentheses make room for another.
    if (qualifiers?.some((q) => q.kind === qualifier.kind)) {
      const kind = keyword.text;
      const found: LocalText = { en: `a second ${kind}`, ja: `二つ目の ${kind}` };
      throw cur.error('duplicate-qualifier', EXPECTED.singleQualifier(kind), HINTS.parenthesise(kind), keyword, found);
    }
    (qualifiers ??= []).push(qualifier);
  }
  return qualifiers ? { type: 'qualified', expression, qualifiers } : expression;
}

function observationAtom(cur: Cursor, found: ComparisonNode[]): ObservationExpression {
  const open = cur.tok;
  if (open.kind === '[') {
    cur.enter();
    cur.advance();
    if (cur.at(']')) cur.fail(EXPECTED.comparison, HINTS.emptyBrackets);
    const expression = comparisonExpression(cur, found);
    if (!cur.at(']')) cur.fail(EXPECTED.afterComparison, cur.is('FOLLOWEDBY') ? HINTS.followedBy : undefined);
    cur.advance();
    cur.leave();
    return { type: 'observation', expression, position: open.start };
  }
  if (open.kind === '(') {
    cur.enter();
    cur.advance();
    const inner = followedBy(cur, found);
    if (!cur.at(')')) cur.fail(EXPECTED.afterGroup, hintAfterObservation(cur));
    cur.advance();
    cur.leave();
    return inner;
  }
  const looksLikeComparison = open.kind === 'ident' && !cur.is('AND') && !cur.is('OR') && !cur.is('FOLLOWEDBY');
  return cur.fail(EXPECTED.observation, looksLikeComparison ? HINTS.brackets : undefined);
}

function hintAfterObservation(cur: Cursor): LocalText | undefined {
  if (cur.is('STOP')) return HINTS.startBeforeStop;
  if (cur.is('SECONDS') || cur.is('TIMES')) return HINTS.qualifierOrder;
  return undefined;
}

// WITHIN <positive int or float> SECONDS
function within(cur: Cursor): Qualifier {
  cur.advance();
  const amount = cur.tok;
  if (amount.kind !== 'int' && amount.kind !== 'float') cur.fail(EXPECTED.seconds, hintAfterObservation(cur));
  if (!(amount.number > 0) || !Number.isFinite(amount.number)) throw cur.error('invalid-qualifier', EXPECTED.seconds);
  cur.advance();
  if (!cur.is('SECONDS')) cur.fail(EXPECTED.secondsKeyword);
  cur.advance();
  return { kind: 'WITHIN', seconds: amount.number };
}

// REPEATS <positive int> TIMES
function repeats(cur: Cursor): Qualifier {
  cur.advance();
  const count = cur.tok;
  if (count.kind !== 'int' && count.kind !== 'float') cur.fail(EXPECTED.times, hintAfterObservation(cur));
  if (count.kind === 'float' || !(count.number > 0) || !Number.isSafeInteger(count.number)) throw cur.error('invalid-qualifier', EXPECTED.times);
  cur.advance();
  if (!cur.is('TIMES')) cur.fail(EXPECTED.timesKeyword);
  cur.advance();
  return { kind: 'REPEATS', times: count.number };
}

// START t'…' STOP t'…', with START before STOP
function startStop(cur: Cursor): Qualifier {
  cur.advance();
  const start = cur.tok;
  if (start.kind !== 'timestamp') cur.fail(EXPECTED.startTimestamp, start.kind === 'string' ? HINTS.timestampPrefix : undefined);
  cur.advance();
  if (!cur.is('STOP')) cur.fail(EXPECTED.stopKeyword);
  cur.advance();
  const stop = cur.tok;
  if (stop.kind !== 'timestamp') cur.fail(EXPECTED.stopTimestamp, stop.kind === 'string' ? HINTS.timestampPrefix : undefined);
  if (compareTimestamps(start.text, stop.text) >= 0) throw cur.error('invalid-qualifier', EXPECTED.stopAfterStart);
  cur.advance();
  return { kind: 'START_STOP', start: start.text, stop: stop.text };
}
