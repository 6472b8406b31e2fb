import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppException } from '../common/errors/app.exception.js';
import { DEFAULT_OIDC_LABEL, type AppConfig, type OidcConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { User } from '../users/entities/user.entity.js';
import { AuthContext, ForbiddenAppException } from './auth-context.js';
import { AuthService } from './auth.service.js';
import { importClientSigningKey } from './oidc-key.js';
import { PendingSignInSealer, type PendingSignIn } from './oidc-state.js';
import { sameSecret } from './secrets.js';

export type OidcStatus = { enabled: boolean; label: string };

/** The query string of the callback, as Fastify parsed it. */
export type CallbackQuery = Record<string, string | string[] | undefined>;

class SignInFailedException extends AppException {
  constructor(message: string) {
    super(400, 'bad_request', `${message} Start the sign-in again.`);
  }
}

/**
 * Sign-in through an OpenID Connect provider such as Login.gov: authorization code flow with PKCE (S256),
 * state and nonce; the client authenticates with private_key_jwt (or client_secret_basic). Only accounts an
 * administrator created can sign in: the provider's subject, once linked, finds the account; before that,
 * the provider's verified email does, and the subject is linked then.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private readonly settings: OidcConfig | undefined;
  private readonly sealer: PendingSignInSealer | undefined;
  /** Discovery happens on first use (not at start: Yardstick starts even when the provider is down). */
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authService: AuthService,
    private readonly audit: AuditService,
  ) {
    this.settings = config.oidc;
    if (this.settings) {
      const { clientAuth } = this.settings;
      this.sealer = new PendingSignInSealer(
        clientAuth.method === 'private_key_jwt' ? clientAuth.privateKey : clientAuth.clientSecret,
      );
    }
  }

  status(): OidcStatus {
    return { enabled: this.settings !== undefined, label: this.settings?.label ?? DEFAULT_OIDC_LABEL };
  }

  /** The provider's authorization URL, and the sealed values the callback will check its answer against. */
  async beginSignIn(): Promise<{ url: string; sealed: string }> {
    const settings = this.enabled();
    const configuration = await this.discover();
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const parameters: Record<string, string> = {
      redirect_uri: settings.redirectUri,
      scope: settings.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    };
    if (settings.acrValues) parameters.acr_values = settings.acrValues;
    if (settings.prompt) parameters.prompt = settings.prompt;
    const url = client.buildAuthorizationUrl(configuration, parameters);
    return { url: url.href, sealed: this.sealer!.seal(pending) };
  }

  /**
   * Checks the provider's answer against the pending sign-in, redeems the code, verifies the ID token and
   * starts a session for the account it names, exactly as a password sign-in does.
   */
  async completeSignIn(
    query: CallbackQuery,
    sealed: string | undefined,
    request: FastifyRequest,
  ): Promise<{ secret: string; expiresAt: Date }> {
    const settings = this.enabled();
    const error = single(query.error);
    if (error !== undefined) {
      const code = /^[\w.-]{1,64}$/.test(error) ? error : 'error';
      if (code === 'access_denied') {
        throw new ForbiddenAppException(
          'The sign-in was cancelled or refused at the identity provider (access_denied). Start again to retry.',
        );
      }
      throw new SignInFailedException(`The identity provider could not sign you in (${code}).`);
    }
    const pending = sealed ? this.sealer!.open(sealed) : undefined;
    if (!pending) {
      throw new SignInFailedException(
        'This sign-in has expired, or was started in another browser (its cookie is missing or not valid).',
      );
    }
    const state = single(query.state);
    if (state === undefined || !sameSecret(state, pending.state)) {
      throw new SignInFailedException('The answer of the identity provider does not match this sign-in (state).');
    }
    if (single(query.code) === undefined) {
      throw new SignInFailedException('The answer of the identity provider has no authorization code.');
    }

    const configuration = await this.discover();
    // The redirect URI as configured (not as this request's Host header says), with the provider's answer.
    const currentUrl = new URL(settings.redirectUri);
    for (const [name, value] of Object.entries(query)) {
      const text = single(value);
      if (text !== undefined) currentUrl.searchParams.set(name, text);
    }
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (cause) {
      throw this.providerFailure(cause, 'redeeming the authorization code');
    }
    const claims = tokens.claims()!;
    const anonymous = AuthContext.anonymous(String(request.id), request.ip);

    const users = this.dataSource.getRepository(User);
    let user = await users.findOneBy({ oidcSubject: claims.sub });
    let email: string | undefined;
    let link = false;
    if (!user) {
      const identity = await this.emailOf(configuration, tokens.access_token, claims);
      email = identity.email;
      const refuse = async (reason: string, message: string, userId?: string): Promise<never> => {
        await this.audit.record(anonymous, {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: userId,
          subject: email,
          after: { method: 'oidc', reason },
        });
        throw new ForbiddenAppException(message);
      };
      if (!email) {
        return refuse(
          'no_email',
          'The identity provider did not share an email address, so no Yardstick account could be found. ' +
            'Ask an administrator for help.',
        );
      }
      if (!identity.verified) {
        return refuse(
          'email_not_verified',
          `The identity provider has not verified ${email}, so it cannot be linked to a Yardstick account.`,
        );
      }
      user = await users.findOneBy({ email });
      if (!user) {
        return refuse(
          'unknown_user',
          `There is no Yardstick account for ${email}. Yardstick accounts are created by an administrator: ` +
            'ask yours to add you, then sign in again.',
        );
      }
      if (user.oidcSubject !== null) {
        return refuse(
          'other_subject',
          `The Yardstick account for ${email} is linked to another identity at the identity provider.`,
          user.id,
        );
      }
      link = true;
    }
    if (!user.active) {
      await this.audit.record(anonymous, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        subject: user.email,
        after: { method: 'oidc', reason: 'deactivated' },
      });
      throw new ForbiddenAppException(
        `The Yardstick account for ${user.email} is deactivated. Ask an administrator to reactivate it.`,
      );
    }

    const auth = await this.authService.contextFor(user, String(request.id), request.ip);
    if (link) {
      // Only while still unlinked: two first sign-ins at once cannot both link.
      const result = await users.update({ id: user.id, oidcSubject: IsNull() }, { oidcSubject: claims.sub });
      if (result.affected !== 1) {
        throw new SignInFailedException('The account was linked to an identity at the same moment.');
      }
      await this.audit.record(auth, {
        action: 'user.oidc_link',
        entityType: 'user',
        entityId: user.id,
        before: { oidcSubject: null },
        after: { oidcSubject: claims.sub, issuer: claims.iss },
      });
    }
    const { secret, session } = await this.authService.startSession(user, request);
    await this.audit.record(auth, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      after: { method: 'oidc', issuer: claims.iss },
    });
    return { secret, expiresAt: session.expiresAt };
  }

  private enabled(): OidcConfig {
    if (!this.settings) throw new AppException(404, 'not_found', 'Single sign-on is not configured on this server.');
    return this.settings;
  }

  /** The email in the ID token, else the one from the userinfo endpoint (where Login.gov gives it). */
  private async emailOf(
    configuration: client.Configuration,
    accessToken: string,
    claims: client.IDToken,
  ): Promise<{ email: string | undefined; verified: boolean }> {
    let source: Record<string, unknown> = claims;
    if (typeof claims.email !== 'string' && configuration.serverMetadata().userinfo_endpoint) {
      try {
        source = await client.fetchUserInfo(configuration, accessToken, claims.sub);
      } catch (cause) {
        throw this.providerFailure(cause, 'reading the userinfo endpoint');
      }
    }
    const email = typeof source.email === 'string' ? source.email.trim().toLowerCase() : undefined;
    return { email: email || undefined, verified: source.email_verified === true };
  }

  private discover(): Promise<client.Configuration> {
    this.configuration ??= this.createConfiguration().catch((cause: unknown) => {
      this.configuration = undefined; // try again on the next sign-in
      throw this.providerFailure(cause, 'reading its discovery document', false);
    });
    return this.configuration;
  }

  private async createConfiguration(): Promise<client.Configuration> {
    const settings = this.enabled();
    const issuer = new URL(settings.issuer);
    const execute = [client.enableNonRepudiationChecks]; // verify the ID token's signature too
    // Plain HTTP only for a provider on a laptop or in a test; loadConfig refuses it in production.
    if (issuer.protocol === 'http:' && this.config.nodeEnv !== 'production') execute.push(client.allowInsecureRequests);
    let clientAuthentication: client.ClientAuth;
    if (settings.clientAuth.method === 'private_key_jwt') {
      const key = await importClientSigningKey(settings.clientAuth.privateKey);
      // Login.gov wants the token endpoint as the assertion's audience (openid-client puts the issuer there).
      clientAuthentication = (server, metadata, body, headers) =>
        client.PrivateKeyJwt(key, {
          [client.modifyAssertion]: (_header, payload) => {
            payload.aud = server.token_endpoint ?? server.issuer;
          },
        })(server, metadata, body, headers);
    } else {
      clientAuthentication = client.ClientSecretBasic(settings.clientAuth.clientSecret);
    }
    return client.discovery(
      issuer,
      settings.clientId,
      { redirect_uris: [settings.redirectUri], response_types: ['code'] },
      clientAuthentication,
      { execute },
    );
  }

  /**
   * An OAuth error from the provider, or an answer that does not verify, is a 400 (the user starts again);
   * a provider that cannot be reached or discovered, a 503. The details go to the log only.
   */
  private providerFailure(cause: unknown, doing: string, answerable = true): AppException {
    if (cause instanceof AppException) return cause;
    this.logger.warn({ err: cause }, `OpenID Connect: failed ${doing}`);
    if (answerable && (cause instanceof client.ResponseBodyError || cause instanceof client.ClientError)) {
      const error = (cause as { error?: unknown }).error;
      const code = typeof error === 'string' && /^[\w.-]{1,64}$/.test(error) ? ` (${error})` : '';
      return new SignInFailedException(`The answer of the identity provider could not be verified${code}.`);
    }
    return new AppException(
      503,
      'service_unavailable',
      'The identity provider cannot be reached at the moment. Try again in a few minutes.',
    );
  }
}

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? undefined : value;
  return text === undefined || text === '' ? undefined : text;
}
