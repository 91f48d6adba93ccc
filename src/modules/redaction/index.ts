// Redaction: a pure module (no I/O but reading the Japanese analyser's dictionary once per process). Detect what must be redacted, extract what must be kept, replace.
export { analyse, detectSensitive, extractIndicators } from './detect.js';
// The Japanese analyser: preload its dictionary at start-up; its tokens (人名, 地域 tags) for other detectors.
export { loadAnalyser, tokenize, type Token } from './analyser.js';
export { applyRedactions } from './apply.js';
export { REASONS, explainReason, type ReasonCode } from './reasons.js';
export { refang } from './defang.js';
export { latinForm, occurrencesOf, romanisedForm, skeleton } from './variants.js';
export { readingFunction } from './reading.js';
export { namesOfPerson } from './known.js';
export { luhnOk, myNumberCheckDigitOk } from './numbers.js';
export { cidrContains } from './ip.js';
export { formatCorpusScore, parseCorpusJsonl, parsePredictionsJsonl, scoreCorpus, scoreJsonl, type CorpusScore, type LabelledRecord, type PredictedRecord } from './corpus-score.js';
export * from './types.js';
