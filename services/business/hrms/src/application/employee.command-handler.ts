import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import {
  EmployeeCommand,
  employeeDecider,
  HireEmployee,
  PromoteEmployee,
  SeparateEmployee,
  TransferEmployee,
} from '../domain';

type Data<C extends { data: unknown }> = C['data'];

/** The employee master's writes: one stream per employee, `<tenant>/employee/<employeeId>`. */
@Injectable()
export class EmployeeCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async hire(caller: Principal, data: Omit<Data<HireEmployee>, 'employeeId'>) {
    const employeeId = this.time.newId(caller, 'employee');
    return this.run(caller, employeeId, {
      type: 'HireEmployee',
      data: { ...data, employeeId },
      metadata: { now: this.time.now() },
    });
  }

  async promote(caller: Principal, employeeId: string, data: Data<PromoteEmployee>) {
    return this.run(caller, employeeId, { type: 'PromoteEmployee', data, metadata: { now: this.time.now() } });
  }

  async transfer(caller: Principal, employeeId: string, data: Data<TransferEmployee>) {
    return this.run(caller, employeeId, { type: 'TransferEmployee', data, metadata: { now: this.time.now() } });
  }

  async separate(caller: Principal, employeeId: string, data: Data<SeparateEmployee>) {
    return this.run(caller, employeeId, { type: 'SeparateEmployee', data, metadata: { now: this.time.now() } });
  }

  private async run(caller: Principal, employeeId: string, command: EmployeeCommand) {
    const outcome = await this.commands.handle(employeeDecider, {
      caller,
      aggregate: 'employee',
      id: employeeId,
      command,
    });
    return { employeeId, outcome: outcome.status };
  }
}
