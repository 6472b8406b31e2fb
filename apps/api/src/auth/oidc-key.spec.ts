import { describe, expect, it } from '@jest/globals';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { importClientSigningKey, privateKeyProblem } from './oidc-key.js';

async function signs(text: string, algorithm: string | null, publicKey: ReturnType<typeof createPublicKey>) {
  const { key } = await importClientSigningKey(text);
  const data = Buffer.from('header.payload');
  const params = key.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : key.algorithm;
  const signature = Buffer.from(await crypto.subtle.sign(params, key, data));
  return verify(
    algorithm,
    data,
    key.algorithm.name === 'ECDSA' ? { key: publicKey, dsaEncoding: 'ieee-p1363' } : publicKey,
    signature,
  );
}

describe('the private_key_jwt key (OIDC_PRIVATE_KEY)', () => {
  it('signs with an RSA key given as PEM (RS256, what Login.gov expects), or as a one-line PEM', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const imported = await importClientSigningKey(pem);
    expect(imported.kid).toBeUndefined();
    expect(imported.key.algorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } });
    expect(imported.key.extractable).toBe(false);
    expect(await signs(pem, 'sha256', publicKey)).toBe(true);
    expect(await signs(pem.trim().replace(/\n/g, '\\n'), 'sha256', publicKey)).toBe(true);
    const pkcs1 = privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
    expect(await signs(pkcs1, 'sha256', publicKey)).toBe(true);
  });

  it('keeps the kid and alg of a JWK, alone or as a one-key JWKS', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'key-2026', alg: 'PS256' };
    const imported = await importClientSigningKey(JSON.stringify(jwk));
    expect(imported.kid).toBe('key-2026');
    expect(imported.key.algorithm.name).toBe('RSA-PSS');
    expect((await importClientSigningKey(JSON.stringify({ keys: [jwk] }))).kid).toBe('key-2026');
    expect(privateKeyProblem(JSON.stringify({ keys: [jwk, jwk] }))).toMatch(/exactly one key/);
  });

  it('signs with EC (P-256) and Ed25519 keys', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ecPem = ec.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect((await importClientSigningKey(ecPem)).key.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(await signs(ecPem, 'sha256', ec.publicKey)).toBe(true);
    const ed = generateKeyPairSync('ed25519');
    const edJwk = JSON.stringify(ed.privateKey.export({ format: 'jwk' }));
    expect(await signs(edJwk, null, ed.publicKey)).toBe(true);
  });

  it('says what is wrong with keys it cannot use', () => {
    expect(privateKeyProblem('{"kty":')).toMatch(/does not parse/);
    const secp256k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey;
    expect(privateKeyProblem(secp256k1.export({ format: 'pem', type: 'pkcs8' }).toString())).toMatch(
      /EC key on secp256k1/,
    );
    const x25519 = generateKeyPairSync('x25519').privateKey;
    expect(privateKeyProblem(x25519.export({ format: 'pem', type: 'pkcs8' }).toString())).toMatch(/x25519 key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(privateKeyProblem(JSON.stringify({ ...rsa.export({ format: 'jwk' }), alg: 'ES256' }))).toMatch(
      /alg "ES256"/,
    );
    expect(privateKeyProblem(rsa.export({ format: 'pem', type: 'pkcs8' }).toString())).toBeNull();
  });
});
