import { describe, expect, it } from 'vitest';
import { formatCorpusScore, formatFixed, isPythonSpace, parseCorpusJsonl, parsePredictionsJsonl, scoreCorpus, scoreJsonl } from './corpus-score.js';

// Worked by hand (and checked against score.py):
//  r1 "Ann Lee mailed x@evil.io from 10.0.0.1": PERSON 0-7, IOC_EMAIL 15-24, INTERNAL_IP 30-38.
//     Redacted [0,3) "Ann" (3 true chars, PERSON not whole), [20,24) "l.io" (4 false chars, indicator broken),
//     [29,38) " 10.0.0.1" (the space does not count; 8 true chars, INTERNAL_IP caught).
//  r2 "担当<U+3000>田中、CVE-2024-0001": PERSON 3-5, CVE 6-19. Redacted [1,5) "当<U+3000>田中" (the ideographic space does
//     not count: 3 chars, 2 true, PERSON caught), [-5,0) and [19,40) fall outside the text; the CVE is kept.
//  r3 "Bob": PERSON 0-3, no prediction line. A prediction for an id outside the corpus is ignored.
//  PERSON 1/3, INTERNAL_IP 1/1, recall 2/4, precision (3+8+2)/(3+4+8+3) = 13/18, indicators kept 1/2.
const corpus = [
  { id: 'r1', lang: 'en', text: 'Ann Lee mailed x@evil.io from 10.0.0.1', spans: [{ start: 0, end: 7, label: 'PERSON' }, { start: 15, end: 24, label: 'IOC_EMAIL' }, { start: 30, end: 38, label: 'INTERNAL_IP' }] },
  { id: 'r2', lang: 'ja', text: '担当\u3000田中、CVE-2024-0001', spans: [{ start: 3, end: 5, label: 'PERSON' }, { start: 6, end: 19, label: 'CVE' }] },
  { id: 'r3', lang: 'en', text: 'Bob', spans: [{ start: 0, end: 3, label: 'PERSON' }] },
];
const predictions = [
  { id: 'r1', redactions: [{ start: 0, end: 3, label: 'PERSON' }, { start: 20, end: 24 }, { start: 29, end: 38, label: 'INTERNAL_IP' }] },
  { id: 'r2', redactions: [{ start: 1, end: 5 }, { start: -5, end: 0 }, { start: 19, end: 40 }] },
  { id: 'elsewhere', redactions: [{ start: 0, end: 100 }] },
];
const jsonl = (rows: unknown[]): string => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;

describe('corpus scoring (same numbers as score.py)', () => {
  it('counts whole-span recall per label, non-space character precision and untouched indicators', () => {
    const score = scoreCorpus(parseCorpusJsonl(jsonl(corpus)), parsePredictionsJsonl(jsonl(predictions)));
    expect(score).toMatchObject({
      records: 3, missingPredictions: 1, hit: 2, total: 4, redactedChars: 18, trueChars: 13, kept: 1, indicators: 2,
      labels: [{ label: 'INTERNAL_IP', hit: 1, total: 1 }, { label: 'PERSON', hit: 1, total: 3 }],
    });
    expect(score.precision).toBeCloseTo(13 / 18, 12);
    expect(formatCorpusScore(score)).toEqual([
      'INTERNAL_IP      recall 1.000 (1/1)',
      'PERSON           recall 0.333 (1/3)',
      'records 3 missing_predictions 1',
      'recall=0.5000 precision=0.7222 indicators_kept=0.5000',
    ]);
  });

  it('lets a repeated prediction line replace the earlier one, and reads the files as score.py does', () => {
    const again = [...predictions, { id: 'r3', redactions: [{ start: 0, end: 3 }] }, { id: 'r3' }];
    expect(scoreJsonl(jsonl(corpus), jsonl(again)).at(-1)).toBe('recall=0.5000 precision=0.7222 indicators_kept=0.5000');
    expect(scoreJsonl(jsonl(corpus), jsonl(again)).at(-2)).toBe('records 3 missing_predictions 0');
  });

  it('scores nothing redacted as precision 0 and an empty corpus without dividing by zero', () => {
    expect(scoreJsonl(jsonl(corpus), '').at(-1)).toBe('recall=0.0000 precision=0.0000 indicators_kept=1.0000');
    expect(scoreJsonl('', '')).toEqual(['records 0 missing_predictions 0', 'recall=0.0000 precision=0.0000 indicators_kept=0.0000']);
  });

  it('rejects malformed lines with their line numbers', () => {
    expect(() => parseCorpusJsonl('{"id":"a","text":"ab","spans":[]}\n{oops')).toThrow('corpus line 2: not valid JSON');
    expect(() => parseCorpusJsonl('{"id":"a","text":"ab","spans":[{"start":1,"end":3,"label":"PERSON"}]}')).toThrow('corpus line 1: bad span');
    expect(() => parsePredictionsJsonl('{"id":"a","redactions":[{"start":"1","end":2}]}')).toThrow('predictions line 1: bad redaction');
  });
});

describe('Python-compatible formatting', () => {
  it('rounds the exact binary value half to even, as format(x, ".Nf") does', () => {
    expect(formatFixed(1 / 16, 3)).toBe('0.062'); // Number#toFixed says 0.063
    expect(formatFixed(3 / 16, 3)).toBe('0.188');
    expect(formatFixed(1 / 32, 4)).toBe('0.0312');
    expect(formatFixed(2 / 3, 3)).toBe('0.667');
    expect(formatFixed(1.005, 2)).toBe('1.00'); // 1.005 is stored a little below 1.005
    expect(formatFixed(1, 3)).toBe('1.000');
    expect(formatFixed(0, 4)).toBe('0.0000');
  });
  it('treats as space exactly what str.isspace() does', () => {
    expect(['\u3000', '\u00a0', '\u001c', '\u0085', '\n'].every(isPythonSpace)).toBe(true);
    expect(['\ufeff', '\u200b', 'a', '。'].some(isPythonSpace)).toBe(false);
  });
});
