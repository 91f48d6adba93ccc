// Defanged indicator forms (example[.]com, hxxps://, name[@]host) and their refanged values.

export const DOT = String.raw`(?:\.|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\[\. \]|\[,\])`;
export const AT = String.raw`(?:@|\[@\]|\(@\)|\[at\]|\(at\)|\{at\})`;
export const LABEL = String.raw`[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?`;

export function refang(s: string): string {
  return s
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\[\. \]|\[,\]/gi, '.')
    .replace(/\[@\]|\(@\)|\[at\]|\(at\)|\{at\}/gi, '@')
    .replace(/\[:\]\/\/|\[:\/\/\]/g, '://')
    .replace(/^h[xX]{2}p/i, 'http')
    .replace(/^fxp/i, 'ftp');
}

export const isDefanged = (s: string): boolean => refang(s) !== s;
