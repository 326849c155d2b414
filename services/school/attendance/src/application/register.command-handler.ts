import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { registerDecider } from '../domain/register.decider';
import type { RegisterCommand } from '../domain/register.decider';

/** The writes of registers: one stream per register, `<tenant>/register/<registerId>`. */
@Injectable()
export class RegisterCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly timeAndIds: TimeAndIds,
  ) {}

  async create(caller: Principal, name: string) {
    // With an Idempotency-Key, a retried request lands on the same id (and is applied once).
    const registerId = this.timeAndIds.newId(caller, 'register');
    const outcome = await this.run(caller, registerId, {
      type: 'CreateRegister',
      data: { registerId, name },
      metadata: { now: this.timeAndIds.now() },
    });
    return { registerId, outcome };
  }

  async rename(caller: Principal, registerId: string, name: string) {
    const outcome = await this.run(caller, registerId, {
      type: 'RenameRegister',
      data: { name },
      metadata: { now: this.timeAndIds.now() },
    });
    return { registerId, outcome };
  }

  private async run(caller: Principal, registerId: string, command: RegisterCommand) {
    const outcome = await this.commands.handle(registerDecider, {
      caller,
      aggregate: 'register',
      id: registerId,
      command,
    });
    return outcome.status;
  }
}
