import { describe, expect, it } from 'vitest';
import { detectSensitive } from './index.js';
import { HELD_OUT } from './testdata/heldout.js';
import { scoreCase } from './testdata/score.js';

describe('held-out texts (written differently from the dev corpus)', () => {
  for (const c of HELD_OUT) {
    it(`${c.lang}: ${c.name}`, async () => {
      const score = scoreCase(c, await detectSensitive(c.text, c.org));
      expect(score.missed).toEqual([]);
      expect(score.broken).toEqual([]);
      if (c.redact.length === 0) expect(score.redactedChars).toBe(0);
      else expect(score.trueChars / score.redactedChars).toBeGreaterThanOrEqual(0.9);
    });
  }
});
