import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../error-codes.js';
import { errorMessage, fill } from './messages.js';

const PLACEHOLDER = /\{\w+\}/;

describe('messages', () => {
  it('fills placeholders, and leaves out one without its parameter together with its separator', () => {
    expect(fill('内容を処理できません: {detail}', { detail: 'x' })).toBe('内容を処理できません: x');
    expect(fill('内容を処理できません: {detail}', {})).toBe('内容を処理できません');
    expect(fill('The content cannot be processed: {detail}', {})).toBe('The content cannot be processed');
    expect(fill('{k} 組織未満', {})).toBe(' 組織未満');
    expect(fill('{n} / {total}', { n: 1, total: 2 })).toBe('1 / 2');
  });

  it('never shows a raw placeholder, for any error code in either language, with or without its parameters', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      for (const locale of ['ja', 'en'] as const) {
        expect(errorMessage(code, locale), `${code} ${locale}`).not.toMatch(PLACEHOLDER);
        expect(errorMessage(code, locale, { detail: 'd', count: 1, from: 'a', to: 'b', max: 2 }), `${code} ${locale}`).not.toMatch(PLACEHOLDER);
      }
    }
  });

  it('has the same placeholders in Japanese and English', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      // A message filled with each placeholder's own name shows which ones it has.
      const marks = (locale: 'ja' | 'en') => {
        const raw = errorMessage(code, locale, new Proxy({}, { has: () => true, get: (_t, key) => `<${String(key)}>` }) as Record<string, string>);
        return [...raw.matchAll(/<(\w+)>/g)].map((m) => m[1]).sort();
      };
      expect(marks('en'), code).toEqual(marks('ja'));
    }
  });
});
