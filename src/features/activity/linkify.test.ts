import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('keeps plain text, including markup and ampersands, as strings', () => {
    expect(linkify('<script>alert(1)</script> & <b>bold</b>')).toEqual(['<script>alert(1)</script> & <b>bold</b>']);
    expect(linkify('')).toEqual([]);
  });

  it('turns http and https URLs into link pieces and leaves trailing punctuation as text', () => {
    expect(linkify('See https://example.com/a?b=1&c=2, then http://x.org.')).toEqual([
      'See ',
      { href: 'https://example.com/a?b=1&c=2', text: 'https://example.com/a?b=1&c=2' },
      ', then ',
      { href: 'http://x.org/', text: 'http://x.org' },
      '.',
    ]);
  });

  it('never links other schemes', () => {
    expect(linkify('javascript:alert(1) data:text/html,<b>x</b> ftp://files.example')).toEqual(['javascript:alert(1) data:text/html,<b>x</b> ftp://files.example']);
  });

  it('stops a URL at quotes and angle brackets so markup cannot ride along', () => {
    const pieces = linkify('<a href="https://evil.example/x">y</a>');
    expect(pieces).toEqual(['<a href="', { href: 'https://evil.example/x', text: 'https://evil.example/x' }, '">y</a>']);
  });

  it('keeps a closing paren that belongs to the URL and keeps line breaks in text', () => {
    expect(linkify('(see https://en.wikipedia.org/wiki/Foo_(bar))\nnext')).toEqual([
      '(see ',
      { href: 'https://en.wikipedia.org/wiki/Foo_(bar)', text: 'https://en.wikipedia.org/wiki/Foo_(bar)' },
      ')\nnext',
    ]);
  });
});
