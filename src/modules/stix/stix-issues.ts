// Collects validation issues with their JSON path. The path is kept as a stack of segments and only turned
// into a string when an issue is reported, so validating a valid object builds no strings at all.
import { stixMessage, type Params, type StixRule, type Text } from './stix-messages.js';

export interface StixIssue {
  path: string; // JSON path, e.g. "$.objects[3].created"
  rule: string; // stable rule id, e.g. "timestamp-format"
  message: Text;
}

export const MAX_ISSUES_PER_OBJECT = 100;

const NO_PARAMS: Params = {};
const NO_ROOT: Record<string, unknown> = Object.freeze({});
const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const QUOTE = /['\\]/g;

function formatPath(objectIndex: number, segments: readonly (string | number)[], upTo: number): string {
  let path = objectIndex < 0 ? '$' : `$.objects[${objectIndex}]`;
  for (let i = 0; i < upTo; i++) {
    const seg = segments[i] as string | number;
    if (typeof seg === 'number') path += `[${seg}]`;
    else if (SIMPLE_KEY.test(seg)) path += `.${seg}`;
    else path += `['${seg.replace(QUOTE, '\\$&')}']`;
  }
  return path;
}

export class IssueSink {
  readonly issues: StixIssue[] = [];
  private readonly segments: (string | number)[] = [];
  private objectIndex = -1;
  private count = 0;
  /** The object being validated: granular-marking selectors resolve against it. */
  root: Record<string, unknown> = NO_ROOT;

  /** Starts a new object: paths begin at "$" (index -1) or at "$.objects[index]"; the issue cap restarts. */
  startObject(index: number, root: Record<string, unknown>): void {
    this.objectIndex = index;
    this.count = 0;
    this.segments.length = 0;
    this.root = root;
  }

  push(segment: string | number): void {
    this.segments.push(segment);
  }

  pop(): void {
    this.segments.pop();
  }

  get full(): boolean {
    return this.count >= MAX_ISSUES_PER_OBJECT;
  }

  report(rule: StixRule, params: Params = NO_PARAMS): void {
    if (this.count >= MAX_ISSUES_PER_OBJECT) return;
    this.count++;
    if (this.count === MAX_ISSUES_PER_OBJECT) {
      const max = { max: MAX_ISSUES_PER_OBJECT };
      this.issues.push({ path: formatPath(this.objectIndex, this.segments, 0), rule: 'too-many-issues', message: stixMessage('too-many-issues', max) });
      return;
    }
    const path = formatPath(this.objectIndex, this.segments, this.segments.length);
    this.issues.push({ path, rule, message: stixMessage(rule, params) });
  }

  reportAt(segment: string | number, rule: StixRule, params: Params = NO_PARAMS): void {
    this.segments.push(segment);
    this.report(rule, params);
    this.segments.pop();
  }
}
