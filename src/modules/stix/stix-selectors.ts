// Granular-marking selectors (§7.2.3.1): components separated by ".", each a property name or a list index
// "[n]". A selector must select content that exists in the object the marking appears in.
import { isObject } from './stix-checks.js';

export const SELECTOR_OK = 0;
export const SELECTOR_SYNTAX = 1;
export const SELECTOR_NOT_FOUND = 2;

// Components: a property name (no ".", "[" or "]") or a list index; checked before anything is resolved.
const SELECTOR = /^(?:\[\d+\]|[^.[\]]+)(?:\.(?:\[\d+\]|[^.[\]]+))*$/;

export function resolveSelector(root: Record<string, unknown>, selector: string): number {
  if (!SELECTOR.test(selector)) return SELECTOR_SYNTAX;
  let current: unknown = root;
  let start = 0;
  for (;;) {
    let end = selector.indexOf('.', start);
    if (end < 0) end = selector.length;
    if (selector.charCodeAt(start) === 91 /* [ */) {
      let index = 0;
      for (let i = start + 1; i < end - 1; i++) index = index * 10 + selector.charCodeAt(i) - 48;
      if (!Array.isArray(current) || index >= current.length) return SELECTOR_NOT_FOUND;
      current = current[index];
    } else {
      const key = selector.slice(start, end);
      if (!isObject(current) || !Object.hasOwn(current, key)) return SELECTOR_NOT_FOUND;
      current = current[key];
    }
    if (end === selector.length) return SELECTOR_OK;
    start = end + 1;
  }
}
