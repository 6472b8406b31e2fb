import { createPrivateKey, type JsonWebKey, type KeyObject, type webcrypto } from 'node:crypto';

/** The key that signs the client assertions of private_key_jwt, as openid-client wants it. */
export type ClientSigningKey = { key: webcrypto.CryptoKey; kid?: string };

type ParsedKey = {
  keyObject: KeyObject;
  kid: string | undefined;
  algorithm: webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams | webcrypto.Algorithm;
};

const RSA_ALGORITHMS: Record<string, webcrypto.RsaHashedImportParams> = {
  RS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  RS384: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
  RS512: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
  PS256: { name: 'RSA-PSS', hash: 'SHA-256' },
  PS384: { name: 'RSA-PSS', hash: 'SHA-384' },
  PS512: { name: 'RSA-PSS', hash: 'SHA-512' },
};
const CURVES = new Set(['P-256', 'P-384', 'P-521']);
const NODE_CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

/**
 * Reads OIDC_PRIVATE_KEY: a PEM private key (PKCS#8, or PKCS#1 / SEC1), a private JWK as JSON, or a JWKS
 * holding exactly one private key. An RSA key signs with RS256 (Login.gov's choice) unless its JWK says
 * `alg`; EC keys sign with ES256/384/512, Ed25519 keys with Ed25519. `\n` written literally (one-line
 * environment files) counts as a line break. Throws an Error whose message never contains the key.
 */
function parse(text: string): ParsedKey {
  const trimmed = text.trim();
  let keyObject: KeyObject;
  let kid: string | undefined;
  let alg: string | undefined;
  if (trimmed.startsWith('{')) {
    let jwk: JsonWebKey & { kid?: unknown; alg?: unknown; keys?: unknown };
    try {
      jwk = JSON.parse(trimmed);
    } catch {
      throw new Error('looks like JSON but does not parse: expected a private JWK');
    }
    if (Array.isArray(jwk.keys)) {
      if (jwk.keys.length !== 1) throw new Error('is a JWKS: it must hold exactly one key');
      jwk = jwk.keys[0];
    }
    if (typeof jwk.d !== 'string') throw new Error('is a public JWK: the private key ("d") is missing');
    try {
      keyObject = createPrivateKey({ key: jwk, format: 'jwk' });
    } catch {
      throw new Error('is not a valid private JWK');
    }
    kid = typeof jwk.kid === 'string' && jwk.kid !== '' ? jwk.kid : undefined;
    alg = typeof jwk.alg === 'string' ? jwk.alg : undefined;
  } else {
    if (!trimmed.startsWith('-----BEGIN')) {
      throw new Error('must be a PEM private key (-----BEGIN PRIVATE KEY-----) or a private JWK as JSON');
    }
    try {
      keyObject = createPrivateKey({ key: trimmed.replace(/\\n/g, '\n'), format: 'pem' });
    } catch {
      throw new Error('is not a readable, unencrypted PEM private key');
    }
  }
  const details = keyObject.asymmetricKeyDetails ?? {};
  switch (keyObject.asymmetricKeyType) {
    case 'rsa': {
      if ((details.modulusLength ?? 0) < 2048) throw new Error('is an RSA key shorter than 2048 bits');
      const algorithm = RSA_ALGORITHMS[alg ?? 'RS256'];
      if (!algorithm) throw new Error(`has alg "${alg}", which an RSA key cannot sign with here`);
      return { keyObject, kid, algorithm };
    }
    case 'ec': {
      const curve = NODE_CURVES[details.namedCurve ?? ''] ?? details.namedCurve ?? '';
      if (!CURVES.has(curve))
        throw new Error(`is an EC key on ${curve || 'an unknown curve'}: use P-256, P-384 or P-521`);
      return { keyObject, kid, algorithm: { name: 'ECDSA', namedCurve: curve } };
    }
    case 'ed25519':
      return { keyObject, kid, algorithm: { name: 'Ed25519' } };
    default:
      throw new Error(
        `is a ${keyObject.asymmetricKeyType ?? 'unknown'} key: use RSA (2048 bits or more), EC or Ed25519`,
      );
  }
}

/** What is wrong with OIDC_PRIVATE_KEY, for the configuration check; null when it is usable. */
export function privateKeyProblem(text: string): string | null {
  try {
    parse(text);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The key as a non-extractable WebCrypto key, with its JWK key id when it has one. */
export async function importClientSigningKey(text: string): Promise<ClientSigningKey> {
  const { keyObject, kid, algorithm } = parse(text);
  const key = await crypto.subtle.importKey('jwk', keyObject.export({ format: 'jwk' }), algorithm, false, ['sign']);
  return kid === undefined ? { key } : { key, kid };
}
