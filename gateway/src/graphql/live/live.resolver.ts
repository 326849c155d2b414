import { Args, Context, Field, ID, ObjectType, Resolver, Subscription } from '@nestjs/graphql';
import { eventTypeOf } from '@hexfleet/schemas';
import type { LiveEvent } from '../../live-feed';
import { LiveViews } from './live-views';
import type { LiveContext } from './live-views';

@ObjectType({ description: 'A domain event as it happened, from Kafka (CloudEvents attributes; data as JSON).' })
export class DomainEvent {
  @Field(() => ID) id!: string;
  @Field({ description: 'Avro record full name, e.g. hexfleet.hrms.employee.EmployeeHired' }) type!: string;
  @Field() topic!: string;
  @Field({ description: 'The aggregate the event is about' }) subject!: string;
  @Field() time!: string;
  @Field({ description: 'The event payload as a JSON document' }) data!: string;
}

interface Filters {
  topics?: string[] | null;
  types?: string[] | null;
}

const wanted = (event: LiveEvent, { topics, types }: Filters) =>
  (!topics?.length || topics.includes(event.topic)) &&
  (!types?.length || types.some((type) => event.type === type || eventTypeOf(event.type) === type));

@Resolver()
export class LiveResolver {
  constructor(private readonly live: LiveViews) {}

  @Subscription(() => DomainEvent, {
    description:
      'Events of the caller’s tenant as they reach Kafka; filter by topic or event type (short or full name).',
    filter: (payload: { domainEvents: LiveEvent }, variables: Filters) => wanted(payload.domainEvents, variables),
  })
  domainEvents(
    @Context() context: LiveContext,
    @Args('topics', { type: () => [String], nullable: true }) _topics?: string[],
    @Args('types', { type: () => [String], nullable: true }) _types?: string[],
  ) {
    return this.live.subscribe(context);
  }
}
