/**
 * What an audit event keeps of a record: plain JSON, Dates as ISO strings, and never a secret. A key is
 * a secret when, ignoring case, `_` and `-`, it mentions a password, passphrase or secret, or ends in
 * token or tokenHash (csrfToken, token_hash); tokenId or tokenPrefix are kept, they identify, not unlock.
 */
export function toSnapshot(value: unknown): JsonValue {
  return clean(value, []) ?? null;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const SECRET_KEY = /password|passphrase|secret|token$|tokenhash$/;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.toLowerCase().replace(/[_-]/g, ''));
}

/** The JSON form of a value, or undefined where JSON would leave it out. */
function clean(value: unknown, ancestors: object[]): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const object = value as object;
  // A record that refers back to itself (relations both ways) is kept once, not forever.
  if (ancestors.includes(object)) return undefined;
  const inside = [...ancestors, object];
  if (Array.isArray(object) || object instanceof Set) return [...object].map((item) => clean(item, inside) ?? null);
  if (object instanceof Map)
    return cleanEntries(
      [...object].map(([key, item]) => [String(key), item]),
      inside,
    );
  if ('toJSON' in object && typeof object.toJSON === 'function') return clean(object.toJSON(), inside);
  return cleanEntries(Object.entries(object), inside);
}

function cleanEntries(entries: [string, unknown][], ancestors: object[]): { [key: string]: JsonValue } {
  const result: { [key: string]: JsonValue } = {};
  for (const [key, item] of entries) {
    if (isSecretKey(key)) continue;
    const cleaned = clean(item, ancestors);
    if (cleaned !== undefined) result[key] = cleaned;
  }
  return result;
}
