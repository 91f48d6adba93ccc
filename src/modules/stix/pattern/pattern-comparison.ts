// Inside the brackets: comparison expressions (AND binds tighter than OR), object paths and constants.
import type { ComparisonExpression, ComparisonNode, ComparisonOperator, PathStep, PatternConstant, PrimitiveValue } from './pattern-ast.js';
import { isAddressOrCidr, isObjectTypeName, regexProblem } from './pattern-constants.js';
import type { Cursor } from './pattern-cursor.js';
import { EXPECTED, HINTS, type LocalText } from './pattern-errors.js';
import type { Token } from './pattern-lexer.js';

/** comparisonExpression: and-expressions joined by OR. Every comparison is also appended to `found`. */
export function comparisonExpression(cur: Cursor, found: ComparisonNode[]): ComparisonExpression {
  const first = comparisonAnd(cur, found);
  if (!cur.is('OR')) return first;
  const operands = [first];
  while (cur.is('OR')) {
    cur.advance();
    operands.push(comparisonAnd(cur, found));
  }
  return { type: 'comparison-group', operator: 'OR', operands };
}

function comparisonAnd(cur: Cursor, found: ComparisonNode[]): ComparisonExpression {
  const first = comparisonAtom(cur, found);
  if (!cur.is('AND')) return first;
  const operands = [first];
  while (cur.is('AND')) {
    cur.advance();
    operands.push(comparisonAtom(cur, found));
  }
  return { type: 'comparison-group', operator: 'AND', operands };
}

function comparisonAtom(cur: Cursor, found: ComparisonNode[]): ComparisonExpression {
  if (cur.at('(')) {
    cur.enter();
    cur.advance();
    const inner = comparisonExpression(cur, found);
    if (!cur.at(')')) cur.fail(EXPECTED.afterComparisonGroup);
    cur.advance();
    cur.leave();
    return inner;
  }
  if (cur.is('EXISTS')) {
    const position = cur.advance().start;
    return record(found, objectPath(cur), 'EXISTS', false, [], position);
  }
  if (cur.is('NOT')) cur.fail(EXPECTED.comparison, HINTS.notPosition);
  const position = cur.tok.start;
  const path = objectPath(cur);
  const negated = cur.is('NOT');
  if (negated) cur.advance();
  const operator = comparisonOperator(cur);
  return record(found, path, operator, negated, operand(cur, operator), position);
}

interface ObjectPath {
  objectType: string;
  path: string;
  steps: PathStep[];
}

function record(found: ComparisonNode[], at: ObjectPath, operator: ComparisonOperator, negated: boolean, constants: PatternConstant[], position: number): ComparisonNode {
  let value: PrimitiveValue | PrimitiveValue[] | null = null;
  if (operator === 'IN') value = constants.map((constant) => constant.value);
  else if (operator !== 'EXISTS') value = constants[0]?.value ?? null;
  const node: ComparisonNode = { type: 'comparison', objectType: at.objectType, path: at.path, operator, negated, value, steps: at.steps, constants, position };
  found.push(node);
  return node;
}

// objectType ':' firstComponent ( '.' component | '[' index ']' )*
function objectPath(cur: Cursor): ObjectPath {
  const typeToken = cur.tok;
  if (typeToken.kind !== 'ident') cur.fail(EXPECTED.objectPath);
  if (!isObjectTypeName(typeToken.text)) throw cur.error('invalid-object-type', EXPECTED.objectType);
  cur.advance();
  if (!cur.at(':')) cur.fail(EXPECTED.colon);
  cur.advance();
  const steps: PathStep[] = [];
  let path = property(cur, steps);
  for (;;) {
    if (cur.at('.')) {
      cur.advance();
      path += `.${property(cur, steps)}`;
    } else if (cur.at('[')) {
      cur.advance();
      path += index(cur, steps);
    } else {
      return { objectType: typeToken.text, path, steps };
    }
  }
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A path component as written canonically: bare when it is a plain name, else quoted ('SHA-256'). */
function renderName(name: string): string {
  return PLAIN_NAME.test(name) ? name : `'${name.replace(/[\\']/g, '\\$&')}'`;
}

function property(cur: Cursor, steps: PathStep[]): string {
  const token = cur.tok;
  if (token.kind === 'ident' && token.text.includes('-')) {
    throw cur.error('invalid-property-name', EXPECTED.propertyName, { en: `Quote it: '${token.text}'.`, ja: `引用符で囲んでください: '${token.text}'。` });
  }
  if ((token.kind !== 'ident' && token.kind !== 'string') || token.text === '') cur.fail(EXPECTED.property);
  cur.advance();
  steps.push({ kind: 'property', name: token.text });
  return renderName(token.text);
}

function index(cur: Cursor, steps: PathStep[]): string {
  const token = cur.tok;
  let rendered: string;
  if (token.kind === '*') {
    steps.push({ kind: 'any-index' });
    rendered = '[*]';
  } else if (token.kind === 'int') {
    steps.push({ kind: 'index', index: token.number });
    rendered = `[${token.number}]`;
  } else {
    return cur.fail(EXPECTED.index);
  }
  cur.advance();
  if (!cur.at(']')) cur.fail(EXPECTED.closeIndex);
  cur.advance();
  return rendered;
}

const WORD_OPERATORS: Partial<Record<string, ComparisonOperator>> = { IN: 'IN', LIKE: 'LIKE', MATCHES: 'MATCHES', ISSUBSET: 'ISSUBSET', ISSUPERSET: 'ISSUPERSET' };

function comparisonOperator(cur: Cursor): ComparisonOperator {
  const token = cur.tok;
  const operator = token.kind === 'op' ? (token.text as ComparisonOperator) : token.kind === 'ident' ? WORD_OPERATORS[token.text] : undefined;
  if (operator) {
    cur.advance();
    return operator;
  }
  if (cur.is('EXISTS')) cur.fail(EXPECTED.operator, HINTS.exists);
  return cur.fail(EXPECTED.operator, token.kind === 'ident' && token.text === 'NOT' ? HINTS.notPosition : undefined);
}

function operand(cur: Cursor, operator: ComparisonOperator): PatternConstant[] {
  switch (operator) {
    case '=':
    case '!=':
      return [constant(cur, EXPECTED.constant, true)];
    case 'IN':
      return set(cur);
    case 'LIKE':
    case 'MATCHES':
    case 'ISSUBSET':
    case 'ISSUPERSET':
      return [stringOperand(cur, operator)];
    default:
      return [constant(cur, EXPECTED.orderable, false)];
  }
}

const CONSTANT_KINDS: Partial<Record<Token['kind'], PatternConstant['kind']>> = {
  string: 'string',
  int: 'integer',
  float: 'float',
  binary: 'binary',
  hex: 'hex',
  timestamp: 'timestamp',
};

function constant(cur: Cursor, what: LocalText, booleans: boolean): PatternConstant {
  const token = cur.tok;
  const kind = CONSTANT_KINDS[token.kind];
  if (kind) {
    cur.advance();
    return { kind, value: kind === 'integer' || kind === 'float' ? token.number : token.text };
  }
  if (booleans && (cur.is('true') || cur.is('false'))) {
    cur.advance();
    return { kind: 'boolean', value: token.text === 'true' };
  }
  const bareWord = token.kind === 'ident' && token.text.toLowerCase() !== 'true' && token.text.toLowerCase() !== 'false';
  return cur.fail(what, bareWord ? HINTS.quoteStrings : undefined);
}

// '(' [ constant (',' constant)* ] ')'
function set(cur: Cursor): PatternConstant[] {
  if (!cur.at('(')) cur.fail(EXPECTED.setStart);
  cur.advance();
  const members: PatternConstant[] = [];
  if (cur.at(')')) {
    cur.advance();
    return members;
  }
  for (;;) {
    members.push(constant(cur, EXPECTED.constant, true));
    if (cur.at(')')) break;
    if (!cur.at(',')) cur.fail(EXPECTED.setNext);
    cur.advance();
  }
  cur.advance();
  return members;
}

function stringOperand(cur: Cursor, operator: 'LIKE' | 'MATCHES' | 'ISSUBSET' | 'ISSUPERSET'): PatternConstant {
  const token = cur.tok;
  if (token.kind !== 'string') return cur.fail(EXPECTED.string(operator), token.kind === 'ident' ? HINTS.quoteStrings : undefined);
  if (operator === 'MATCHES') {
    const problem = regexProblem(token.text);
    if (problem) {
      const found = cur.describe();
      throw cur.error('invalid-regex', EXPECTED.regex, undefined, token, { en: `${found.en}: ${problem}`, ja: `${found.ja}（${problem}）` });
    }
  } else if (operator !== 'LIKE' && !isAddressOrCidr(token.text)) {
    throw cur.error('invalid-cidr', EXPECTED.cidr);
  }
  cur.advance();
  return { kind: 'string', value: token.text };
}
