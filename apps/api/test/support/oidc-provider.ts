import { generateKeyPairSync, randomUUID, type JsonWebKey } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider publishes no type declarations; the little used here is typed below.
import { Provider as UntypedProvider } from 'oidc-provider';

/** An account at the test identity provider: its subject, and the email it shares. */
export type ProviderAccount = { email: string; emailVerified: boolean };

export type TestOidcProvider = {
  /** http://127.0.0.1:<port>, for OIDC_ISSUER. */
  issuer: string;
  /** The client that authenticates with private_key_jwt. */
  clientId: string;
  /** A second client, that authenticates with client_secret_basic. */
  secretClient: { clientId: string; clientSecret: string };
  /** The client's private key as a JWK (JSON text), for OIDC_PRIVATE_KEY. */
  clientPrivateJwk: string;
  redirectUri: string;
  /** Client assertions the token endpoint accepted: their JOSE header and claims, to inspect. */
  assertions: { header: Record<string, unknown>; payload: Record<string, unknown> }[];
  /**
   * Plays the browser at the provider: follows the redirects from the authorization URL, signs in as
   * `account` (or cancels, with `abort`), consents, and returns the URL the provider sends the browser
   * back to (the redirect URI, with code and state, or error).
   */
  authorize(authorizationUrl: string, as: { account: string } | { abort: true }): Promise<URL>;
  close(): Promise<void>;
};

// The parts of oidc-provider's API this helper uses.
type Interaction = {
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: Record<string, string>;
  session?: { accountId?: string };
  grantId?: string;
};
type Grant = { addOIDCScope(scope: string): void; addOIDCClaims(claims: string[]): void; save(): Promise<string> };
type Provider = {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: object,
    options: { mergeWithLastSubmission: boolean },
  ): Promise<void>;
  Grant: { new (values: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> };
  on(event: string, listener: (...args: unknown[]) => void): void;
};
const ProviderClass = UntypedProvider as new (issuer: string, configuration: object) => Provider;

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 and a free port, with a client that
 * authenticates with private_key_jwt, another with client_secret_basic; PKCE is required. Its interactions (sign-in, consent) are a small
 * handler instead of HTML forms: `/interaction/:uid?account=<subject>` signs in as that account, consent is
 * given at once, `?abort=1` cancels (access_denied).
 */
export async function startOidcProvider(options: {
  accounts: Record<string, ProviderAccount>;
  redirectUri: string;
  /** The subject a browser signs in as when the interaction URL names none (browser tests). */
  browserAccount?: string;
}): Promise<TestOidcProvider> {
  const clientId = 'yardstick-test';
  const clientKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const clientPrivateJwk = { ...clientKeys.privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const clientPublicJwk = { ...clientKeys.publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const signingKey: JsonWebKey = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    kid: randomUUID(),
    alg: 'RS256',
    use: 'sig',
  };
  const assertions: TestOidcProvider['assertions'] = [];
  const secretClient = { clientId: 'yardstick-secret', clientSecret: randomUUID() };

  const nodeStructuredClone = globalThis.structuredClone;
  globalThis.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) =>
    adoptIntoThisRealm(nodeStructuredClone(value, options))) as typeof structuredClone;

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new ProviderClass(issuer, {
    clients: [
      {
        client_id: clientId,
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks: { keys: [clientPublicJwk] },
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        client_id: secretClient.clientId,
        client_secret: secretClient.clientSecret,
        token_endpoint_auth_method: 'client_secret_basic',
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomUUID()] },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: false } },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // Like Login.gov: the ID token names the subject; the email comes from the userinfo endpoint.
    conformIdTokenClaims: true,
    async findAccount(_ctx: unknown, sub: string) {
      const account = options.accounts[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email: account.email, email_verified: account.emailVerified }),
      };
    },
    // Keep a copy of each accepted client assertion, to check what Yardstick signs.
    async assertJwtClientAuthClaimsAndHeader(
      _ctx: unknown,
      payload: Record<string, unknown>,
      header: Record<string, unknown>,
    ) {
      assertions.push({ header, payload });
    },
  });

  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    interact(provider, req, res, options.browserAccount).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });

  const authorize: TestOidcProvider['authorize'] = async (authorizationUrl, as) => {
    const jar = new Map<string, { value: string; path: string }>();
    let url = new URL(authorizationUrl);
    for (let hop = 0; hop < 10; hop += 1) {
      if (url.origin !== issuer) return url; // back to the client
      if (url.pathname.startsWith('/interaction/')) {
        if ('abort' in as) url.searchParams.set('abort', '1');
        else url.searchParams.set('account', as.account);
      }
      const cookie = [...jar]
        .filter(([, c]) => url.pathname === c.path || url.pathname.startsWith(c.path.replace(/\/?$/, '/')))
        .map(([name, c]) => `${name}=${c.value}`)
        .join('; ');
      const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      for (const line of response.headers.getSetCookie()) {
        const [pair, ...attributes] = line.split(';').map((part) => part.trim());
        const name = pair!.slice(0, pair!.indexOf('='));
        const value = pair!.slice(pair!.indexOf('=') + 1);
        const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
        const expired = attributes.some((a) => /^expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
        if (expired) jar.delete(name);
        else jar.set(name, { value, path });
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        throw new Error(`The provider answered ${response.status} at ${url.pathname}: ${await response.text()}`);
      }
      url = new URL(location, url);
    }
    throw new Error('Too many redirects at the provider');
  };

  return {
    issuer,
    clientId,
    secretClient,
    clientPrivateJwk: JSON.stringify(clientPrivateJwk),
    redirectUri: options.redirectUri,
    assertions,
    authorize,
    close: () =>
      new Promise<void>((resolve, reject) => {
        globalThis.structuredClone = nodeStructuredClone;
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Jest runs a test file in a vm context, but hands it Node's own structuredClone, whose copies of plain
 * objects and arrays belong to the outer realm (jestjs/jest#14074). oidc-provider clones its client
 * metadata and then checks `value.constructor === Object`, so it would refuse every client. While the
 * provider runs, structuredClone rebuilds plain objects and arrays in the test's realm (what it returns
 * outside Jest); other values (Dates, Maps, buffers) are left as Node cloned them.
 */
function adoptIntoThisRealm(value: unknown): unknown {
  if (Array.isArray(value)) return Array.from(value, adoptIntoThisRealm);
  if (value === null || typeof value !== 'object' || value.constructor === Object) return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  const plain = prototype === null || Object.getPrototypeOf(prototype) === null;
  if (!plain) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, adoptIntoThisRealm(item)]));
}

/** The interaction handler: sign in as ?account=, consent to what the client asked, or ?abort=1. */
async function interact(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  browserAccount: string | undefined,
): Promise<void> {
  const query = new URL(req.url!, 'http://provider').searchParams;
  const interaction = await provider.interactionDetails(req, res);
  const finish = (result: object) => provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  if (query.get('abort')) {
    return finish({ error: 'access_denied', error_description: 'End-User aborted interaction' });
  }
  switch (interaction.prompt.name) {
    case 'login':
      return finish({ login: { accountId: query.get('account') ?? browserAccount } });
    case 'consent': {
      const { details } = interaction.prompt;
      const grant = interaction.grantId
        ? (await provider.Grant.find(interaction.grantId))!
        : new provider.Grant({ accountId: interaction.session!.accountId!, clientId: interaction.params.client_id! });
      if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
      if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
      return finish({ consent: { grantId: await grant.save() } });
    }
    default:
      throw new Error(`Unexpected prompt ${interaction.prompt.name}`);
  }
}
