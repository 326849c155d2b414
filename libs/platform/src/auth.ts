import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TenantId } from '@hexfleet/kernel';
import type { FastifyRequest } from 'fastify';
import { createLocalJWKSet, createRemoteJWKSet, JSONWebKeySet, jwtVerify, JWTVerifyGetKey } from 'jose';
import { isRole } from '@hexfleet/schemas';
import type { Role } from '@hexfleet/schemas';
import { GrantScope, hasRole, Principal, requestContext, ScopedGrant } from './context';

/** Asymmetric algorithms only: `none` and shared-secret HMAC tokens are refused whatever their header says. */
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

export interface TokenVerifierOptions {
  jwksUrl?: string;
  jwksJson?: string;
  issuer?: string;
  audience?: string;
}

/** How many verified tokens a process remembers (a few MB at most). */
const REMEMBERED_TOKENS = 10_000;

/**
 * Verifies bearer tokens against the identity service's public keys and reads the caller from them.
 * A token that verified is remembered until it expires: a signature check costs more than the
 * rest of a cached read, and a client sends the same token with every request for 15 minutes.
 * Remembering changes nothing a check would decide: a token is immutable, and expiry is checked
 * on every use.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwksUrl) this.keys = createRemoteJWKSet(new URL(options.jwksUrl));
    else if (options.jwksJson) this.keys = createLocalJWKSet(JSON.parse(options.jwksJson) as JSONWebKeySet);
    else throw new Error('TokenVerifier needs jwksUrl or jwksJson');
  }

  /** The principal the token names; throws UnauthorizedException for anything else. */
  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known.principal;
    if (known) this.verified.delete(token);
    return this.check(token);
  }

  private async check(token: string): Promise<Principal> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ALGORITHMS,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch {
      throw new UnauthorizedException('The bearer token is missing, expired or not ours');
    }
    const { sub, tenant, roles, grants } = payload;
    if (typeof sub !== 'string' || typeof tenant !== 'string' || !TenantId.isValid(tenant)) {
      throw new UnauthorizedException('The token names no valid tenant and user');
    }
    const validRoles = Array.isArray(roles) ? roles.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [];
    const principal: Principal = Object.freeze({
      tenant: TenantId.parse(tenant),
      userId: sub,
      roles: validRoles,
      grants: Object.freeze(scopedGrants(grants)),
      token,
    });
    this.remember(token, principal, Number(payload.exp) * 1000);
    return principal;
  }

  /** Oldest first out when full (a Map keeps insertion order). */
  private remember(token: string, principal: Principal, expiresAtMs: number) {
    if (this.verified.size >= REMEMBERED_TOKENS) {
      this.verified.delete(this.verified.keys().next().value as string);
    }
    this.verified.set(token, { principal, expiresAtMs });
  }
}

const SCOPES: readonly string[] = ['tenant', 'school', 'group'];
const isScope = (value: unknown): value is GrantScope => typeof value === 'string' && SCOPES.includes(value);

/** The `grants` claim as identity writes it (`[{ role, scopeType, scopeId }]`); anything else is dropped. */
export function scopedGrants(claim: unknown): ScopedGrant[] {
  if (!Array.isArray(claim)) return [];
  return claim.flatMap((grant: unknown): ScopedGrant[] => {
    if (typeof grant !== 'object' || grant === null) return [];
    const { role, scopeType, scopeId } = grant as { role?: unknown; scopeType?: unknown; scopeId?: unknown };
    if (typeof role !== 'string' || !isRole(role) || !isScope(scopeType)) return [];
    if (scopeType === 'tenant') return scopeId == null ? [{ role, scopeType, scopeId: null }] : [];
    return typeof scopeId === 'string' && scopeId !== '' ? [{ role, scopeType, scopeId }] : [];
  });
}

const PUBLIC = 'hexfleet:public';
const ROLES = 'hexfleet:roles';

/** A route anyone may call (health, metrics, the OpenAPI document, a JWKS). */
export const Public = () => SetMetadata(PUBLIC, true);

/** The caller needs at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** Every route needs a valid token unless it is @Public(); the principal goes into the request context. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([^\s]+)$/i.exec(header);
    if (!match) throw new UnauthorizedException('A bearer token is required');
    const principal = await this.verifier.verify(match[1]);
    request.principal = principal;
    const store = requestContext();
    if (store) store.principal = principal;

    const needed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (needed?.length && !hasRole(principal, ...needed)) {
      throw new ForbiddenException(`This needs one of the roles: ${needed.join(', ')}`);
    }
    return true;
  }
}

/** The verified caller: `@Caller() caller: Principal`. The tenant a handler sees comes only from here. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (!principal) throw new UnauthorizedException('A bearer token is required');
  return principal;
});
