import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LinkedText } from '../features/activity/LinkedText';
import { asLines, MultilineText } from './MultilineText';

describe('MultilineText', () => {
  it('shows CRLF, LF and a lone CR all as line breaks, and markup as text', () => {
    expect(asLines('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    const { container } = render(<MultilineText text={'one\rtwo\r\nthree  <b>x</b>'} />);
    expect(container.querySelector('p')?.textContent).toBe('one\ntwo\nthree  <b>x</b>');
    expect(container.querySelector('b')).toBeNull();
  });

  it('LinkedText keeps a lone CR as a line break too', () => {
    const { container } = render(<LinkedText text={'see\rhttps://example.com/x'} />);
    expect(container.querySelector('p')?.textContent).toBe('see\nhttps://example.com/x');
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://example.com/x');
  });
});
