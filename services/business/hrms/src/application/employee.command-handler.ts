import { Injectable } from '@nestjs/common';
import { Commands, Principal } from '@hexfleet/platform';
import { employeeDecider, HireEmployee, PromoteEmployee, SeparateEmployee, TransferEmployee } from '../domain';
import { at, newId } from './command-context';

type Data<C extends { data: unknown }> = C['data'];

/** The employee master's writes: one stream per employee, `<tenant>/employee/<employeeId>`. */
@Injectable()
export class EmployeeCommandHandler {
  constructor(private readonly commands: Commands) {}

  async hire(caller: Principal, data: Omit<Data<HireEmployee>, 'employeeId'>) {
    const employeeId = newId(caller, 'employee');
    const outcome = await this.commands.handle(employeeDecider, {
      caller,
      aggregate: 'employee',
      id: employeeId,
      command: { type: 'HireEmployee', data: { ...data, employeeId }, metadata: at() },
    });
    return { employeeId, outcome: outcome.status };
  }

  async promote(caller: Principal, employeeId: string, data: Data<PromoteEmployee>) {
    return this.run(caller, employeeId, { type: 'PromoteEmployee', data, metadata: at() });
  }

  async transfer(caller: Principal, employeeId: string, data: Data<TransferEmployee>) {
    return this.run(caller, employeeId, { type: 'TransferEmployee', data, metadata: at() });
  }

  async separate(caller: Principal, employeeId: string, data: Data<SeparateEmployee>) {
    return this.run(caller, employeeId, { type: 'SeparateEmployee', data, metadata: at() });
  }

  private async run(
    caller: Principal,
    employeeId: string,
    command: PromoteEmployee | TransferEmployee | SeparateEmployee,
  ) {
    const outcome = await this.commands.handle(employeeDecider, {
      caller,
      aggregate: 'employee',
      id: employeeId,
      command,
    });
    return { employeeId, outcome: outcome.status };
  }
}
