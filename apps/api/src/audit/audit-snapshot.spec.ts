import { describe, expect, it } from '@jest/globals';
import { isSecretKey, toSnapshot } from './audit-snapshot.js';

describe('toSnapshot', () => {
  it('removes secrets at any depth, whatever their case or separator', () => {
    const snapshot = toSnapshot({
      email: 'ann@example.gov',
      password: 'hunter2hunter2',
      passwordHash: '$argon2id$...',
      roles: [{ role: 'admin', token_hash: 'abc', tokenId: 't-1' }],
      session: { csrfToken: 'c', ClientSecret: 's', expiresAt: new Date('2026-03-01T12:00:00Z') },
    });
    expect(snapshot).toEqual({
      email: 'ann@example.gov',
      roles: [{ role: 'admin', tokenId: 't-1' }],
      session: { expiresAt: '2026-03-01T12:00:00.000Z' },
    });
  });

  it('keeps keys that only look alike', () => {
    for (const key of ['tokenId', 'tokenPrefix', 'tokens', 'name', 'kind']) expect(isSecretKey(key)).toBe(false);
    for (const key of ['token', 'TOKEN_HASH', 'newPassword', 'password_hash', 'secret', 'accessToken']) {
      expect(isSecretKey(key)).toBe(true);
    }
  });

  it('turns values into what JSON can hold, like JSON.stringify would', () => {
    expect(toSnapshot(undefined)).toBeNull();
    expect(toSnapshot(new Date('2026-01-02T03:04:05.006Z'))).toBe('2026-01-02T03:04:05.006Z');
    expect(toSnapshot({ a: undefined, b: () => 1, c: NaN, d: 10n, e: [undefined, new Date(NaN)] })).toEqual({
      c: null,
      d: '10',
      e: [null, null],
    });
    expect(toSnapshot({ channels: new Set(['online']), counts: new Map([[2026, 3]]) })).toEqual({
      channels: ['online'],
      counts: { '2026': 3 },
    });
    expect(toSnapshot({ value: { toJSON: () => '12.50', secret: 'x' } })).toEqual({ value: '12.50' });
  });

  it('keeps a record that refers back to itself once', () => {
    const agency: Record<string, unknown> = { id: 'a1', name: 'SSA' };
    agency.bureaus = [{ id: 'b1', parent: agency }];
    expect(toSnapshot(agency)).toEqual({ id: 'a1', name: 'SSA', bureaus: [{ id: 'b1' }] });
  });
});
