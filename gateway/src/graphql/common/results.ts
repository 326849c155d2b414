import { Field, ID, ObjectType } from '@nestjs/graphql';

const TOKEN_HELP =
  'Send as X-Consistency-Token (several as a comma-separated list) so that the next query sees this write.';

/** What a command that creates something answers: its id and the token that makes the next read see it. */
@ObjectType({ description: 'What a command answered: the id it created or changed, and its consistency token.' })
export class CommandResult {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: TOKEN_HELP }) consistencyToken?: string;
}

/** What a command that changes something already known answers (no new id). */
@ObjectType({ description: 'A command was accepted; its consistency token, when it wrote events.' })
export class Accepted {
  @Field({ description: 'Always true: a refused command is an error instead' }) accepted!: boolean;
  @Field(() => String, { nullable: true, description: TOKEN_HELP }) consistencyToken?: string;
}
