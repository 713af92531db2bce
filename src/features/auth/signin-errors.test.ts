import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from './signin-errors';

describe('signInErrorMessage', () => {
  it('turns known reasons into sentences', () => {
    expect(signInErrorMessage('access_denied')).toMatch(/chose not to give Skyline access/);
    expect(signInErrorMessage('state_mismatch')).toMatch(/another tab/);
  });

  it('never repeats text from the URL', () => {
    const crafted = 'Your account was suspended. Call +1-555-0100';
    expect(signInErrorMessage(crafted)).toBe('Sign-in did not complete. Try again.');
    expect(signInErrorMessage('toString')).toBe('Sign-in did not complete. Try again.');
  });

  it('says nothing without an error', () => {
    expect(signInErrorMessage(null)).toBeNull();
  });
});
