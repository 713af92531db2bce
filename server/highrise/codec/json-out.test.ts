import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonOut, keyBytes, readJson } from './json-out.js';

const decode = (out: JsonOut) => new TextDecoder().decode(out.result());

describe('JsonOut', () => {
  it('writes any string so that JSON.parse gives it back, in pure ASCII (controls, quotes, backslashes, accents, astral and lone surrogates)', () => {
    const unit = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }));
    fc.assert(
      fc.property(unit, (s) => {
        const out = new JsonOut(1);
        out.string(s);
        const text = decode(out);
        expect(JSON.parse(text)).toBe(s);
        expect(text).toMatch(/^[\x20-\x7e]*$/);
      }),
      { numRuns: 2000 },
    );
    const out = new JsonOut();
    out.string('a"b\\c\n\r\t\b\f\u0001\u001f\u007f\u2028é😀\ud800');
    expect(decode(out)).toBe('"a\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f\\u2028\\u00e9\\ud83d\\ude00\\ud800"');
  });

  it('writes part of a string in place', () => {
    const out = new JsonOut();
    out.text('<a>Zoë & co</a>', 3, 11);
    expect(readJson(out.result())).toBe('Zoë & co');
  });

  it('writes whole numbers digit by digit and other numbers as JavaScript does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()), (n) => {
        const out = new JsonOut(1);
        out.number(n);
        expect(decode(out)).toBe(JSON.stringify(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes NaN and the infinities as null, as JSON.stringify does', () => {
    for (const n of [NaN, Infinity, -Infinity]) {
      const out = new JsonOut();
      out.number(n);
      expect(decode(out)).toBe(JSON.stringify(n));
    }
  });

  it('grows as needed and keeps what was written', () => {
    const out = new JsonOut(1);
    const parts: string[] = [];
    for (let i = 0; i < 500; i++) {
      if (i) out.byte(0x2c);
      out.string(`item ${i} ${'x'.repeat(i % 50)}`);
      parts.push(JSON.stringify(`item ${i} ${'x'.repeat(i % 50)}`));
    }
    expect(decode(out)).toBe(parts.join(','));
  });

  it('truncates and cuts', () => {
    const out = new JsonOut();
    out.ascii('[1,2,3');
    out.cut(2, 4);
    expect(decode(out)).toBe('[1,3');
    const mark = out.len;
    out.ascii(',4');
    out.truncate(mark);
    out.byte(0x5d);
    expect(readJson(out.result())).toEqual([1, 3]);
  });

  it('prepares keys once, quoted and escaped', () => {
    expect(new TextDecoder().decode(keyBytes('first"Name'))).toBe('"first\\"Name":');
  });
});
