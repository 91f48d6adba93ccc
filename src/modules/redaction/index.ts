// Redaction: a pure module (no I/O). Detect what must be redacted, extract what must be kept, replace.
export { analyse, detectSensitive, extractIndicators } from './detect.js';
export { applyRedactions } from './apply.js';
export { REASONS, explainReason, type ReasonCode } from './reasons.js';
export { refang } from './defang.js';
export { luhnOk, myNumberCheckDigitOk } from './numbers.js';
export { formatCorpusScore, parseCorpusJsonl, parsePredictionsJsonl, scoreCorpus, scoreJsonl, type CorpusScore, type LabelledRecord, type PredictedRecord } from './corpus-score.js';
export * from './types.js';
