import { describe, expect, it } from 'vitest';
import { telHref } from './format';

describe('telHref', () => {
  it('keeps what a dialler understands', () => {
    expect(telHref('+1 (555) 010-0000')).toBe('tel:+15550100000');
    expect(telHref('020 7946 0000,,123#')).toBe('tel:02079460000,,123#');
  });

  it('is null when there is no digit to dial', () => {
    expect(telHref('call me maybe')).toBeNull();
    expect(telHref('+ -')).toBeNull();
    expect(telHref('')).toBeNull();
    expect(telHref(null)).toBeNull();
  });
});
