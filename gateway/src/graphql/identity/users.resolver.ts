import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { GrantInput, InviteUserInput, LoginAuditEntryPage, UserAccount, UserPage, UsersFilter } from './identity.types';
import type { LoginAuditEntry, User } from './identity.types';

const USER_ID = { type: () => ID, description: 'The user (UUID)' };

/** User administration (user admins; deactivation and the login audit: tenant admins). */
@Resolver()
export class UsersResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => UserPage, { description: 'The users directory, by name (user admins).' })
  @Fronts('identity', 'GET /users')
  users(
    @Context() context: GqlContext,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: UsersFilter,
  ) {
    return this.rest.page<User>(context, 'identity', '/users', page, { ...filter });
  }

  @Query(() => UserAccount, {
    nullable: true,
    description: 'One account (admins, or the user themself); null when there is none in the tenant.',
  })
  @Fronts('identity', 'GET /users/{id}')
  user(@Context() context: GqlContext, @Args('id', USER_ID) id: string) {
    return this.rest.find<UserAccount>(context, 'identity', `/users/${segment(id)}`);
  }

  @Mutation(() => CommandResult, {
    description: 'Invite a person with roles; they get a mail to set their password (acceptInvitation).',
  })
  @Fronts('identity', 'POST /users/invitations')
  async inviteUser(@Context() context: GqlContext, @Args('input') input: InviteUserInput): Promise<CommandResult> {
    const reply = await this.rest.send<{ userId: string }>(context, 'identity', 'POST', '/users/invitations', {
      ...input,
    });
    return { id: reply.body.userId, consistencyToken: reply.consistencyToken };
  }

  @Mutation(() => Accepted, { description: 'Grant a role over one scope (tenant, school or group).' })
  @Fronts('identity', 'POST /users/{id}/grants')
  grantRole(@Context() context: GqlContext, @Args('id', USER_ID) id: string, @Args('input') input: GrantInput) {
    return this.rest.accept(context, 'identity', 'POST', `/users/${segment(id)}/grants`, { ...input });
  }

  @Mutation(() => Accepted, { description: 'Revoke a role over one scope.' })
  @Fronts('identity', 'DELETE /users/{id}/grants')
  revokeRole(@Context() context: GqlContext, @Args('id', USER_ID) id: string, @Args('input') input: GrantInput) {
    return this.rest.accept(context, 'identity', 'DELETE', `/users/${segment(id)}/grants`, { ...input });
  }

  @Mutation(() => Accepted, {
    description: 'Deactivate an account: every session ends, login and new roles are refused (tenant admins).',
  })
  @Fronts('identity', 'POST /users/{id}/deactivate')
  deactivateUser(
    @Context() context: GqlContext,
    @Args('id', USER_ID) id: string,
    @Args('reason', { nullable: true, description: 'Why (at most 500 characters)' }) reason?: string,
  ) {
    return this.rest.accept(context, 'identity', 'POST', `/users/${segment(id)}/deactivate`, { reason });
  }

  @Mutation(() => Accepted, { description: 'Reactivate a deactivated account (tenant admins).' })
  @Fronts('identity', 'POST /users/{id}/reactivate')
  reactivateUser(@Context() context: GqlContext, @Args('id', USER_ID) id: string) {
    return this.rest.accept(context, 'identity', 'POST', `/users/${segment(id)}/reactivate`);
  }

  @Query(() => LoginAuditEntryPage, {
    description: 'Recent sign-ins, refusals and lockouts, newest first (tenant admins).',
  })
  @Fronts('identity', 'GET /login-audit')
  loginAudit(
    @Context() context: GqlContext,
    @Args() page: PageArgs,
    @Args('userId', { type: () => ID, nullable: true, description: 'Only this user’s' }) userId?: string,
  ) {
    return this.rest.page<LoginAuditEntry>(context, 'identity', '/login-audit', page, { userId });
  }
}
