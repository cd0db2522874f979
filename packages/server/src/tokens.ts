import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import {
  DEFAULT_SCOPES,
  DEFAULT_TOKEN_TTL_SECONDS,
  MAX_TOKEN_TTL_SECONDS,
  WIDGET_TOKEN_AUDIENCE,
  type Scope,
  type TokenGrant,
  type WidgetTokenClaims,
} from '@rai-kit/core/auth';

/** Shortest token secret accepted: 32 characters, i.e. at least 256 bits for HS256. */
export const MIN_SECRET_LENGTH = 32;

/** Why a widget token was refused. */
export type TokenErrorReason =
  | 'malformed'
  | 'bad_signature'
  | 'expired'
  | 'wrong_audience'
  | 'wrong_community'
  | 'missing_claims';

/** Thrown by {@link verifyWidgetToken}; `reason` says why, `message` says it for humans. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    readonly reason: TokenErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** Options of {@link mintWidgetToken}. */
export interface MintOptions {
  /** Shared HS256 secret (`RAI_TOKEN_SECRET`), at least 32 characters. */
  secret: string;
  communityId: string;
  user: { id: string; displayName?: string };
  /** Defaults to `DEFAULT_SCOPES` (me:read, me:stream, leaderboard:read, chat:read, chat:write). */
  scopes?: readonly Scope[];
  /** 1..900, default 300. */
  ttlSeconds?: number;
  /** Confines the token to this channel's chat routes (the `chn` claim). */
  channelId?: string;
  /** Latest `exp` allowed, epoch seconds: a narrowed token never outlives the token it came from. */
  notAfter?: number;
}

/**
 * Mints a short-lived widget token (DESIGN.md §4) for a host backend to hand to its page.
 * @throws RangeError when the secret is too short or the TTL is outside 1..900 seconds.
 */
export async function mintWidgetToken(options: MintOptions): Promise<TokenGrant & { claims: WidgetTokenClaims }> {
  const { communityId, user, scopes = DEFAULT_SCOPES, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS } = options;
  const key = await secretKey(options.secret);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0 || ttlSeconds > MAX_TOKEN_TTL_SECONDS) {
    throw new RangeError(`ttlSeconds must be an integer from 1 to ${MAX_TOKEN_TTL_SECONDS}; got ${ttlSeconds}.`);
  }
  if (!communityId) throw new TypeError('communityId is required.');
  if (!user?.id) throw new TypeError('user.id is required.');

  const iat = Math.floor(Date.now() / 1000);
  const claims: WidgetTokenClaims = {
    sub: user.id,
    cid: communityId,
    scope: scopes.join(' '),
    aud: WIDGET_TOKEN_AUDIENCE,
    iat,
    exp: Math.min(iat + ttlSeconds, options.notAfter ?? Infinity),
    jti: crypto.randomUUID(),
    ...(user.displayName ? { name: user.displayName } : {}),
    ...(options.channelId ? { chn: options.channelId } : {}),
  };
  const token = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
  return { token, expiresAt: claims.exp * 1000, claims };
}

/** Options of {@link verifyWidgetToken}. */
export interface VerifyOptions {
  secret: string;
  /** When given, a token for another community is refused with reason `wrong_community`. */
  communityId?: string;
}

/**
 * Checks signature (HS256 only), audience, expiry, required claims and, optionally, community.
 * @throws TokenError with the reason the token was refused.
 */
export async function verifyWidgetToken(token: string, options: VerifyOptions): Promise<WidgetTokenClaims> {
  const key = await secretKey(options.secret);
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: WIDGET_TOKEN_AUDIENCE }));
  } catch (error) {
    throw toTokenError(error);
  }
  const claims = asClaims(payload);
  if (options.communityId !== undefined && claims.cid !== options.communityId) {
    throw new TokenError(
      'wrong_community',
      `Token is for community "${claims.cid}", not "${options.communityId}".`,
    );
  }
  return claims;
}

/**
 * Refuses a secret too short to be safe, so misconfiguration fails at startup, not on the first request.
 * @throws RangeError
 */
export function assertTokenSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new RangeError(`The token secret must be a string of at least ${MIN_SECRET_LENGTH} characters.`);
  }
}

/**
 * The HMAC key for `secret`, imported once: jose re-imports raw bytes on every call, which
 * the bench showed to be about a third of a token check. A process has one or two secrets.
 */
const keys = new Map<string, Promise<CryptoKey>>();
function secretKey(secret: string): Promise<CryptoKey> {
  assertTokenSecret(secret);
  let key = keys.get(secret);
  if (!key) {
    const bytes = new TextEncoder().encode(secret);
    key = crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

function toTokenError(error: unknown): TokenError {
  if (error instanceof joseErrors.JWTExpired) {
    const exp = Number(error.payload.exp);
    const when = Number.isFinite(exp) ? ` at ${new Date(exp * 1000).toISOString()}` : '';
    return new TokenError('expired', `Token expired${when}.`);
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new TokenError('bad_signature', 'Token signature is invalid.');
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return new TokenError('bad_signature', 'Token must be signed with HS256.');
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') {
      return new TokenError('wrong_audience', `Token audience must be "${WIDGET_TOKEN_AUDIENCE}".`);
    }
    return new TokenError('missing_claims', `Token claim "${error.claim}" is invalid: ${error.message}.`);
  }
  return new TokenError('malformed', 'Token is not a well-formed JWT.');
}

/** jose checked aud/exp/signature; this checks the claims widgets rely on are present and typed. */
function asClaims(payload: Record<string, unknown>): WidgetTokenClaims {
  const missing = [
    ...['sub', 'cid', 'scope', 'jti'].filter((k) => typeof payload[k] !== 'string' || !payload[k]),
    ...['iat', 'exp'].filter((k) => typeof payload[k] !== 'number'),
  ];
  if (missing.length > 0) {
    throw new TokenError('missing_claims', `Token is missing required claims: ${missing.join(', ')}.`);
  }
  // A malformed confinement must not be read as "no confinement": that would widen the token.
  if ('chn' in payload && (typeof payload.chn !== 'string' || !payload.chn)) {
    throw new TokenError('missing_claims', 'Token claim "chn" must be a channel id.');
  }
  return {
    sub: payload.sub as string,
    cid: payload.cid as string,
    scope: payload.scope as string,
    aud: WIDGET_TOKEN_AUDIENCE,
    iat: payload.iat as number,
    exp: payload.exp as number,
    jti: payload.jti as string,
    ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
    ...(typeof payload.chn === 'string' ? { chn: payload.chn } : {}),
  };
}
