import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The cookie that carries a sign-in in progress from /oidc/login to /oidc/callback. */
export const OIDC_STATE_COOKIE = 'yardstick_oidc';
/** How long a sign-in may take at the identity provider. */
export const OIDC_STATE_TTL_SECONDS = 600;

/** What the callback needs to check the answer: the values sent with the authorization request. */
export type PendingSignIn = { state: string; nonce: string; codeVerifier: string };

type Sealed = { s: string; n: string; v: string; exp: number };

const IV_BYTES = 12;
const TAG_BYTES = 16;
const AAD = Buffer.from(OIDC_STATE_COOKIE);

/**
 * Seals a pending sign-in into a cookie value: AES-256-GCM (secret and tamper-proof, the code verifier
 * included), with its expiry inside. No server-side store: any instance can open it, because the key is
 * derived (HKDF-SHA256) from the client credential that every instance is configured with. Changing the
 * credential only ends the sign-ins in progress.
 */
export class PendingSignInSealer {
  private readonly key: Buffer;

  constructor(credential: string) {
    this.key = Buffer.from(hkdfSync('sha256', credential, 'yardstick', 'oidc pending sign-in cookie v1', 32));
  }

  seal(pending: PendingSignIn, now = Date.now()): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(AAD);
    const payload: Sealed = {
      s: pending.state,
      n: pending.nonce,
      v: pending.codeVerifier,
      exp: now + OIDC_STATE_TTL_SECONDS * 1000,
    };
    const encrypted = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, encrypted, cipher.getAuthTag()]).toString('base64url');
  }

  /** The pending sign-in, or undefined when the value was altered, sealed with another key, or expired. */
  open(value: string, now = Date.now()): PendingSignIn | undefined {
    const raw = Buffer.from(value, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES)).setAAD(AAD);
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const json = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
      const sealed = JSON.parse(json.toString('utf8')) as Sealed;
      if (typeof sealed.exp !== 'number' || sealed.exp <= now) return undefined;
      return { state: sealed.s, nonce: sealed.n, codeVerifier: sealed.v };
    } catch {
      return undefined;
    }
  }
}
