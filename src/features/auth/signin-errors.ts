/**
 * The sign-in page shows a sentence for each reason the BFF can send back in `?error=`. Anything else
 * gets a generic sentence: the page never repeats text from its URL, so a crafted link cannot put
 * words on a trusted page.
 */
const MESSAGES: Record<string, string> = {
  access_denied: 'You chose not to give Skyline access. Sign in again and choose "Allow access" to continue.',
  state_mismatch: 'That sign-in was started in another tab or took too long. Sign in again from here.',
  oauth_error: '37signals could not complete the sign-in. Try again.',
  oauth_exchange_failed: 'The sign-in expired before it finished. Sign in again.',
  no_highrise_account: 'Your 37signals ID has no Highrise account. Ask your Highrise administrator to invite you, then sign in again.',
  launchpad_unreachable: 'Skyline could not reach 37signals to sign you in. Try again in a moment.',
  launchpad_error: '37signals sign-in is having trouble. Try again in a moment.',
  launchpad_malformed: '37signals answered in a way Skyline could not read. Try again.',
  session_expired: 'Your session ended. Sign in again to continue.',
};

const GENERIC = 'Sign-in did not complete. Try again.';

export function signInErrorMessage(code: string | null): string | null {
  if (!code) return null;
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : GENERIC;
}
