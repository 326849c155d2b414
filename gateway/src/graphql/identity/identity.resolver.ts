import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { Rest } from '../common/rest';
import { Accepted } from '../common/results';
import { Me, TotpEnrolment } from './identity.types';

const TOTP_CODE = 'The current code of the authenticator app: 6 digits';

/** The signed-in account and its second factor. */
@Resolver()
export class IdentityResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => Me, { description: 'Who the token belongs to: roles, grants, verification and second factor.' })
  @Fronts('identity', 'GET /me')
  me(@Context() context: GqlContext) {
    return this.rest.get<Me>(context, 'identity', '/me');
  }

  @Mutation(() => TotpEnrolment, { description: 'Start TOTP enrolment: a new secret for an authenticator app.' })
  @Fronts('identity', 'POST /me/totp')
  async enrolTotp(@Context() context: GqlContext) {
    return (await this.rest.send<TotpEnrolment>(context, 'identity', 'POST', '/me/totp')).body;
  }

  @Mutation(() => Accepted, { description: 'Finish TOTP enrolment with a code; from then on login needs one.' })
  @Fronts('identity', 'POST /me/totp/confirm')
  confirmTotp(@Context() context: GqlContext, @Args('code', { description: TOTP_CODE }) code: string) {
    return this.rest.accept(context, 'identity', 'POST', '/me/totp/confirm', { code });
  }

  @Mutation(() => Accepted, { description: 'Turn the second factor off, with a current code.' })
  @Fronts('identity', 'POST /me/totp/disable')
  disableTotp(@Context() context: GqlContext, @Args('code', { description: TOTP_CODE }) code: string) {
    return this.rest.accept(context, 'identity', 'POST', '/me/totp/disable', { code });
  }
}
