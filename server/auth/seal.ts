import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM sealing for cookies. The key is derived from the session secret with HKDF so the
 * secret itself is never used as a key, and each purpose (session, OAuth state) gets its own key:
 * a state cookie can never be replayed as a session cookie.
 *
 * Format: `v1.` + base64url(iv[12] | tag[16] | ciphertext).
 */
const VERSION = 'v1.';

export interface Sealer {
  seal(value: unknown): string;
  /** Any tampering, truncation, wrong key or bad JSON gives null: "no cookie". */
  open(sealed: string | undefined): unknown;
}

export function createSealer(secret: string, purpose: string): Sealer {
  const key = Buffer.from(hkdfSync('sha256', secret, 'skyline-cookie-salt', `skyline ${purpose} v1`, 32));
  const aad = Buffer.from(purpose);
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(sealed) {
      if (!sealed || !sealed.startsWith(VERSION)) return null;
      try {
        const raw = Buffer.from(sealed.slice(VERSION.length), 'base64url');
        if (raw.length < 29) return null;
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAAD(aad);
        decipher.setAuthTag(raw.subarray(12, 28));
        const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
        return JSON.parse(text) as unknown;
      } catch {
        return null;
      }
    },
  };
}
