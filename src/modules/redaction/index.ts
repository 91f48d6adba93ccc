// Redaction: a pure module (no I/O). Detect what must be redacted, extract what must be kept, replace.
export { analyse, detectSensitive, extractIndicators } from './detect.js';
export { applyRedactions } from './apply.js';
export { REASONS, explainReason, type ReasonCode } from './reasons.js';
export { refang } from './defang.js';
export { luhnOk, myNumberCheckDigitOk } from './numbers.js';
export * from './types.js';
