import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { accepted, Rest } from '../common/rest';
import { Accepted } from '../common/results';
import {
  EmailLinkInput,
  LoginInput,
  PasswordLinkInput,
  RefreshInput,
  RegisterInput,
  SelfRegistration,
  SessionTokens,
  TenantEmailInput,
} from './identity.types';

/**
 * Signing in and what comes before a token (registering, confirming an email,
 * accepting an invitation, resetting a password): these fields answer without
 * a token; the tenant is the one the input names. Logging out needs the token.
 */
@Resolver()
export class AuthResolver {
  constructor(private readonly rest: Rest) {}

  @Mutation(() => SessionTokens, {
    description:
      'Sign in: an access token (15 min) and a refresh token. Refused with code unauthorized; when the account ' +
      "needs its TOTP code, the error's extensions also say secondFactor: totp (send it as input.totp).",
  })
  @Fronts('identity', 'POST /auth/login')
  async login(@Context() context: GqlContext, @Args('input') input: LoginInput) {
    return (await this.rest.sendPublic<SessionTokens>(context, 'identity', 'POST', '/auth/login', { ...input })).body;
  }

  @Mutation(() => SessionTokens, {
    description: 'Trade a refresh token for new tokens; the old refresh token stops working (reused: all end).',
  })
  @Fronts('identity', 'POST /auth/refresh')
  async refreshSession(@Context() context: GqlContext, @Args('input') input: RefreshInput) {
    return (await this.rest.sendPublic<SessionTokens>(context, 'identity', 'POST', '/auth/refresh', { ...input })).body;
  }

  @Mutation(() => Accepted, { description: "End the token's session: its refresh token stops working." })
  @Fronts('identity', 'POST /auth/logout')
  logout(@Context() context: GqlContext) {
    return this.rest.accept(context, 'identity', 'POST', '/auth/logout');
  }

  @Mutation(() => Accepted, { description: 'End every session of the caller ("log out everywhere").' })
  @Fronts('identity', 'POST /auth/sessions/revoke-all')
  revokeAllSessions(@Context() context: GqlContext) {
    return this.rest.accept(context, 'identity', 'POST', '/auth/sessions/revoke-all');
  }

  @Mutation(() => SelfRegistration, {
    description: 'Register yourself, where the tenant allows it; a verification mail follows.',
  })
  @Fronts('identity', 'POST /auth/register')
  async register(@Context() context: GqlContext, @Args('input') input: RegisterInput) {
    return (await this.rest.sendPublic<SelfRegistration>(context, 'identity', 'POST', '/auth/register', { ...input }))
      .body;
  }

  @Mutation(() => Accepted, {
    description: 'Send the verification mail again (accepted whether or not the account exists).',
  })
  @Fronts('identity', 'POST /auth/email-verifications')
  resendEmailVerification(@Context() context: GqlContext, @Args('input') input: TenantEmailInput) {
    return this.public(context, '/auth/email-verifications', input);
  }

  @Mutation(() => Accepted, { description: 'Confirm an email address with the token from the verification mail.' })
  @Fronts('identity', 'POST /auth/email-verifications/confirm')
  confirmEmail(@Context() context: GqlContext, @Args('input') input: EmailLinkInput) {
    return this.public(context, '/auth/email-verifications/confirm', input);
  }

  @Mutation(() => Accepted, {
    description: 'Accept an invitation: set the first password (this verifies the email too), then log in.',
  })
  @Fronts('identity', 'POST /auth/invitations/accept')
  acceptInvitation(@Context() context: GqlContext, @Args('input') input: PasswordLinkInput) {
    return this.public(context, '/auth/invitations/accept', input);
  }

  @Mutation(() => Accepted, {
    description: 'Mail a single-use password reset link (accepted whether or not the account exists).',
  })
  @Fronts('identity', 'POST /auth/password-resets')
  requestPasswordReset(@Context() context: GqlContext, @Args('input') input: TenantEmailInput) {
    return this.public(context, '/auth/password-resets', input);
  }

  @Mutation(() => Accepted, { description: 'Set a new password with the reset token (ends every session).' })
  @Fronts('identity', 'POST /auth/password-resets/confirm')
  resetPassword(@Context() context: GqlContext, @Args('input') input: PasswordLinkInput) {
    return this.public(context, '/auth/password-resets/confirm', input);
  }

  private async public(context: GqlContext, path: string, input: object): Promise<Accepted> {
    return accepted(await this.rest.sendPublic<unknown>(context, 'identity', 'POST', path, { ...input }));
  }
}
