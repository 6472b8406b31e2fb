import { describe, expect, it } from '@jest/globals';
import { OIDC_STATE_TTL_SECONDS, PendingSignInSealer } from './oidc-state.js';

describe('the pending sign-in cookie', () => {
  const pending = { state: 'state-value', nonce: 'nonce-value', codeVerifier: 'verifier-value' };
  const sealer = new PendingSignInSealer('the client credential');

  it('opens what it sealed, and hides what is inside', () => {
    const sealed = sealer.seal(pending);
    expect(sealed).toMatch(/^[\w-]+$/);
    expect(sealer.open(sealed)).toEqual(pending);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toMatch(/state-value|verifier-value/);
    expect(sealer.seal(pending)).not.toBe(sealed); // a fresh IV each time
  });

  it('refuses a value altered, sealed with another credential, expired, or not a seal at all', () => {
    const sealed = sealer.seal(pending);
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[20] = bytes[20]! ^ 1;
    expect(sealer.open(bytes.toString('base64url'))).toBeUndefined();
    expect(new PendingSignInSealer('another credential').open(sealed)).toBeUndefined();
    expect(sealer.open(sealed, Date.now() + OIDC_STATE_TTL_SECONDS * 1000 + 1)).toBeUndefined();
    expect(sealer.open('')).toBeUndefined();
    expect(sealer.open('not base64 at all!')).toBeUndefined();
  });
});
