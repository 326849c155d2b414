import {
  Body,
  Controller,
  Get,
  HttpCode,
  Injectable,
  Module,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { readModel, recordFullName } from '@hexfleet/eventing';
import type { ConsumedEvent, ProjectionContext, TopicSpec } from '@hexfleet/eventing';
import { Caller, Commands, Consistency, Roles, ServiceDefinition, ServiceRuntime, UuidParam } from '../../src';
import type { Principal } from '../../src';
import { example } from '@hexfleet/schemas';
import { accountDecider } from './account.decider';

class DepositBody {
  @ApiProperty({ description: 'Amount in minor units', example: 1250 })
  @IsInt()
  amountMinor!: number;

  @ApiPropertyOptional({ maxLength: 140 })
  @IsOptional()
  @IsString()
  @MaxLength(140)
  note?: string;
}

class TransferBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  from!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  to!: string;

  @ApiProperty({ description: 'Amount in minor units', example: 500 })
  @IsInt()
  amountMinor!: number;
}

class WithdrawBody {
  @ApiProperty({ description: 'Amount in minor units', example: 500 })
  @IsInt()
  amountMinor!: number;
}

/** The example's read model: one balance per account, in the tenant's schema. */
export const balancesProjection = (name: string, topic: string) => {
  const add = async (event: ConsumedEvent<example.ExampleAccountV1Event>, { tx, schema }: ProjectionContext) => {
    const delta = event.type === 'Deposited' ? event.data.amountMinor : -event.data.amountMinor;
    await tx.query(
      `insert into ${schema}.balances (account_id, balance, events) values ($1, $2, 1)
       on conflict (account_id) do update set balance = balances.balance + $2, events = balances.events + 1`,
      [event.aggregateId, delta],
    );
  };
  return readModel<example.ExampleAccountV1Event>({
    name,
    topics: [topic],
    tables: ['balances'],
    migrations: [
      (schema) =>
        `create table ${schema}.balances (account_id text primary key, balance bigint not null, events int not null)`,
    ],
    on: { Deposited: add, Withdrawn: add },
  });
};

@Injectable()
class BalancesReader {
  constructor(private readonly runtime: ServiceRuntime) {}

  async balance(caller: Principal, accountId: string) {
    const [row] = await this.runtime.queryTenant<{ balance: string; events: number }>(
      caller.tenant,
      (schema) => `select balance, events from ${schema}.balances where account_id = $1`,
      [accountId],
    );
    return row ? { accountId, balance: Number(row.balance), events: row.events } : undefined;
  }

  /** Statements are not built yet: a failure whose message must never reach a client. */
  statement(): never {
    throw new Error('statement store unreachable at postgres://reports:hunter2@10.0.0.7/reports');
  }
}

@ApiTags('accounts')
@Controller('accounts')
class AccountsController {
  constructor(
    private readonly commands: Commands,
    private readonly consistency: Consistency,
    private readonly reader: BalancesReader,
    private readonly runtime: ServiceRuntime,
  ) {}

  @Post(':id/deposits')
  @HttpCode(201)
  async deposit(@Caller() caller: Principal, @UuidParam('id') id: string, @Body() body: DepositBody) {
    const outcome = await this.commands.handle(accountDecider, {
      caller,
      aggregate: 'account',
      id,
      command: { type: 'Deposit', data: body },
    });
    return { outcome: outcome.status };
  }

  @Post(':id/withdrawals')
  @HttpCode(201)
  @Roles('payroll-admin')
  async withdraw(@Caller() caller: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: WithdrawBody) {
    const outcome = await this.commands.handle(accountDecider, {
      caller,
      aggregate: 'account',
      id,
      command: { type: 'Withdraw', data: body },
    });
    return { outcome: outcome.status };
  }

  @Get(':id/statement')
  statement() {
    return this.reader.statement();
  }

  @Get(':id')
  async get(@Caller() caller: Principal, @Param('id', ParseUUIDPipe) id: string) {
    const projection = this.runtime.definition.projections?.[0]?.name ?? '';
    await this.consistency.await(projection, caller);
    const found = await this.reader.balance(caller, id);
    if (!found) throw new NotFoundException(`no account ${id}`);
    return found;
  }
}

@ApiTags('transfers')
@Controller('transfers')
class TransfersController {
  constructor(private readonly commands: Commands) {}

  /** Two streams in one transaction: the withdrawal and the deposit land together or not at all. */
  @Post()
  @HttpCode(201)
  async transfer(@Caller() caller: Principal, @Body() body: TransferBody) {
    const outcome = await this.commands.transact(
      caller,
      async (tx) => {
        const from = await tx.load(accountDecider, 'account', body.from);
        const to = await tx.load(accountDecider, 'account', body.to);
        tx.append(
          from,
          accountDecider.decide({ type: 'Withdraw', data: { amountMinor: body.amountMinor } }, from.state),
        );
        tx.append(to, accountDecider.decide({ type: 'Deposit', data: { amountMinor: body.amountMinor } }, to.state));
      },
      { retries: 20 },
    );
    return { outcome: outcome.status };
  }
}

@Module({ controllers: [AccountsController, TransfersController], providers: [BalancesReader] })
export class ExampleModule {}

/** A fresh example service definition; topic and projection names are unique per test. */
export function exampleService(topic: string, projectionName: string): ServiceDefinition {
  const contracts = example.exampleAccountV1Contracts.map((contract) => ({ ...contract, topic }));
  const topics: TopicSpec[] = [
    {
      name: topic,
      partitions: 3,
      owner: 'example',
      visibility: 'public',
      eventTypes: contracts.map((c) => recordFullName(c.schema)),
    },
  ];
  return {
    name: `example-${projectionName}`,
    source: '/example/accounts',
    description: 'Example service of the platform tests: bank accounts. Not a product module.',
    contracts,
    topics,
    projections: [balancesProjection(projectionName, topic)],
    unprocessable: ['amount-not-positive'],
  };
}
