/**
 * Text with http(s) links, as pieces to render: strings stay strings, URLs become link pieces. Never
 * HTML: the caller renders strings as React text and links as <a> with the href given here, which is
 * always an http: or https: URL (javascript:, data: and the rest stay text).
 */
export type Piece = string | { href: string; text: string };

const URL_RE = /\bhttps?:\/\/[^\s<>"']+/gi;
/** Punctuation that usually ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?)\]}'"]+$/;

export function linkify(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0];
    const trail = TRAILING.exec(url);
    if (trail) {
      // Keep a closing paren that belongs to the URL (Wikipedia style) when it has an opening one.
      let cut = trail[0];
      if (cut.startsWith(')') && url.slice(0, -cut.length).includes('(')) cut = cut.slice(1);
      url = url.slice(0, url.length - cut.length);
    }
    const start = m.index;
    const href = safeHref(url);
    if (!href) continue;
    if (start > last) out.push(text.slice(last, start));
    out.push({ href, text: url });
    last = start + url.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function safeHref(raw: string): string | null {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
