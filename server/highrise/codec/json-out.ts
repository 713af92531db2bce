/**
 * A growable buffer of JSON text, all ASCII (so also UTF-8): what ./parse.ts writes a Highrise
 * document into.
 *
 * Why bytes and not objects: a list page goes from Highrise's XML to the browser's JSON without
 * becoming 20,000 JavaScript values, a JSON.stringify pass and a string to encode again on the way
 * out (together most of what the BFF added to a 500-person page; see server/bench/). `JSON.parse`
 * of the bytes gives exactly the values written.
 */

const HEX = '0123456789abcdef';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class JsonOut {
  buf: Uint8Array;
  len = 0;

  constructor(capacity = 1024) {
    this.buf = new Uint8Array(Math.max(64, capacity));
  }

  /** Room for `n` more bytes. */
  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  byte(b: number): void {
    if (this.len === this.buf.length) this.room(1);
    this.buf[this.len++] = b;
  }

  null(): void {
    this.room(4);
    const buf = this.buf;
    const len = this.len;
    buf[len] = 0x6e;
    buf[len + 1] = 0x75;
    buf[len + 2] = 0x6c;
    buf[len + 3] = 0x6c;
    this.len = len + 4;
  }

  /** Bytes prepared once, e.g. a key with its quotes and colon. */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  /** ASCII text that needs no escaping (numbers, ISO dates, `null`). */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < s.length; i++) buf[len++] = s.charCodeAt(i);
    this.len = len;
  }

  /** A whole number of up to 15 digits (every id Highrise sends), without making a string of it. */
  integer(n: number): void {
    if (n < 0 || n > 999_999_999_999_999 || n !== Math.floor(n)) return this.ascii(String(n));
    this.room(16);
    const buf = this.buf;
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    let at = this.len + digits;
    this.len = at;
    let m = n;
    do {
      const q = Math.floor(m / 10);
      buf[--at] = 0x30 + (m - q * 10);
      m = q;
    } while (m > 0);
  }

  /** As JSON.stringify writes a number: NaN and the infinities have no JSON and are null. */
  number(n: number): void {
    if (Number.isInteger(n)) this.integer(n);
    else this.ascii(Number.isFinite(n) ? String(n) : 'null');
  }

  /** `s` as a JSON string. */
  string(s: string): void {
    this.text(s, 0, s.length);
  }

  /**
   * `s[from, to)` as a JSON string, escaped as JSON.stringify escapes it, and with every character
   * past ASCII written as a `\u` escape: the answer is then pure ASCII, which a browser decodes into a
   * one-byte string and parses in about half the time of the same JSON as UTF-8 (one accented name in
   * a page made the whole decoded text two bytes a character), for 1% more bytes on a list page.
   */
  text(s: string, from: number, to: number): void {
    // At most 6 bytes per UTF-16 unit (a \u escape), plus the quotes.
    this.room((to - from) * 6 + 2);
    const buf = this.buf;
    let len = this.len;
    buf[len++] = 0x22;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) {
        buf[len++] = c;
        continue;
      }
      buf[len++] = 0x5c;
      if (c === 0x22 || c === 0x5c) buf[len++] = c;
      else if (c === 0x0a) buf[len++] = 0x6e;
      else if (c === 0x0d) buf[len++] = 0x72;
      else if (c === 0x09) buf[len++] = 0x74;
      else if (c === 0x08) buf[len++] = 0x62;
      else if (c === 0x0c) buf[len++] = 0x66;
      else len = unicodeEscape(buf, len, c);
    }
    buf[len++] = 0x22;
    this.len = len;
  }

  /** Drop what was written after `mark` (a record that turned out to be "nothing"). */
  truncate(mark: number): void {
    this.len = mark;
  }

  /** Remove `buf[from, to)`, moving what follows it back. */
  cut(from: number, to: number): void {
    this.buf.copyWithin(from, to, this.len);
    this.len -= to - from;
  }

  /** The JSON written so far (a view on the buffer, not a copy). */
  result(): Uint8Array<ArrayBuffer> {
    return this.buf.subarray(0, this.len) as Uint8Array<ArrayBuffer>;
  }
}

/** `u` and four hex digits of `c` at `buf[len]` (the backslash is already written); returns the new length. */
function unicodeEscape(buf: Uint8Array, len: number, c: number): number {
  buf[len++] = 0x75;
  buf[len++] = HEX.charCodeAt((c >> 12) & 0xf);
  buf[len++] = HEX.charCodeAt((c >> 8) & 0xf);
  buf[len++] = HEX.charCodeAt((c >> 4) & 0xf);
  buf[len++] = HEX.charCodeAt(c & 0xf);
  return len;
}

/** `"key":` as bytes, prepared once per schema key. */
export function keyBytes(key: string): Uint8Array {
  return encoder.encode(`${JSON.stringify(key)}:`);
}

/** JSON bytes back to values, for the BFF code that works on records rather than passing them on. */
export function readJson<T>(json: Uint8Array): T {
  return JSON.parse(decoder.decode(json)) as T;
}
