// What the server-rendered public pages share (/public, /public/directory): HTML escaping, the document with its
// header (language switch, sign-in link) and the base stylesheet. Readable without JavaScript; one external
// stylesheet and nothing inline, so the Content-Security-Policy holds. Pure.
import type { Locale } from '../auth/roles.js';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A whole page; `title`, `site` and the links are escaped here, `main` is the caller's HTML. */
export function publicDocument(page: {
  locale: Locale; title: string; site: string; stylesheet: string;
  language: { href: string; label: string }; signIn: string; main: string;
}): string {
  const other: Locale = page.locale === 'ja' ? 'en' : 'ja';
  return `<!doctype html>
<html lang="${page.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} | ${escapeHtml(page.site)}</title>
<link rel="stylesheet" href="${escapeHtml(page.stylesheet)}">
</head>
<body>
<header><p class="site">${escapeHtml(page.site)}</p><nav><a href="${escapeHtml(page.language.href)}" lang="${other}">${escapeHtml(page.language.label)}</a> <a href="/login">${escapeHtml(page.signIn)}</a></nav></header>
<main>
${page.main}
</main>
</body>
</html>
`;
}

// System fonts, readable on a phone; colours pass WCAG AA contrast. Each page adds its own rules after these.
export const PUBLIC_BASE_CSS = `*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP","Yu Gothic",sans-serif;line-height:1.7;color:#1a1a1a;background:#fff}
header{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;padding:.75rem 1rem;background:#0b3d6b;color:#fff}
header a{color:#fff}
.site{margin:0;font-weight:700}
header nav a{margin-left:.75rem}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.3}
h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #0b3d6b}
a{color:#0b4f8a;overflow-wrap:anywhere}
a:focus,select:focus,input:focus,button:focus{outline:3px solid #b35c00;outline-offset:2px}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}
dt{font-weight:700}
dd{margin:0}
`;
