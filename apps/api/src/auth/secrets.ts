import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';

/** A random secret for cookies and tokens: 256 bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are high-entropy, so a plain SHA-256 is enough to store them; passwords get argon2id. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Without a hash, still spend the time of a verification, so timing does not reveal which emails exist.
  if (!hash) {
    await argon2.hash(password, { type: argon2.argon2id });
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

/** The policy for local passwords: long rather than complicated (NIST SP 800-63B). */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'must be at least 12 characters long';
  if (password.length > 256) return 'must be at most 256 characters long';
  return null;
}
