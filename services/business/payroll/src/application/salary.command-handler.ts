import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import {
  LineInput,
  payrollEmployeeDecider,
  SalaryComponent,
  SalaryComponentCommand,
  salaryComponentDecider,
  salaryStructureDecider,
} from '../domain';

/** Components, structures, and assigning a structure to an employee from a date. */
@Injectable()
export class SalaryCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async defineComponent(caller: Principal, data: Omit<SalaryComponentCommand['data'], 'componentId'>) {
    const componentId = this.time.newId(caller, 'salary-component');
    await this.commands.handle(salaryComponentDecider, {
      caller,
      aggregate: 'salary-component',
      id: componentId,
      command: { type: 'DefineSalaryComponent', data: { ...data, componentId }, metadata: { now: this.time.now() } },
    });
    return { componentId };
  }

  /** The components the lines name are read from their streams in the same unit of work. */
  async defineStructure(caller: Principal, data: { name: string; currency: string; lines: LineInput[] }) {
    const structureId = this.time.newId(caller, 'salary-structure');
    await this.commands.transact(caller, async (tx) => {
      const components: Record<string, SalaryComponent> = {};
      for (const id of new Set(data.lines.map((line) => line.componentId))) {
        const { state } = await tx.load(salaryComponentDecider, 'salary-component', id);
        if (state.status === 'defined') components[id] = state;
      }
      const structure = await tx.load(salaryStructureDecider, 'salary-structure', structureId);
      const command = {
        type: 'DefineSalaryStructure' as const,
        data: { ...data, structureId, components },
        metadata: { now: this.time.now() },
      };
      tx.append(structure, salaryStructureDecider.decide(command, structure.state));
    });
    return { structureId };
  }

  async assign(
    caller: Principal,
    employeeId: string,
    data: { structureId: string; fromDate: string; baseMinor: number },
  ) {
    await this.commands.transact(
      caller,
      async (tx) => {
        const { state } = await tx.load(salaryStructureDecider, 'salary-structure', data.structureId);
        const employee = await tx.load(payrollEmployeeDecider, 'payroll-employee', employeeId);
        const structure = state.status === 'defined' ? { currency: state.currency } : null;
        const command = {
          type: 'AssignSalaryStructure' as const,
          data: { ...data, assignedBy: caller.userId, structure },
          metadata: { now: this.time.now() },
        };
        tx.append(employee, payrollEmployeeDecider.decide(command, employee.state));
      },
      { retries: 3 },
    );
    return { employeeId, structureId: data.structureId, fromDate: data.fromDate };
  }
}
