import { Inject, Injectable } from '@nestjs/common';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { ATTENDANCE_SETTINGS } from './attendance-settings';
import type { AttendanceSettings } from './attendance-settings';
import { REGISTER_LIST } from './register-list.port';
import type { RegisterList, RegisterPage, RegisterView } from './register-list.port';

/**
 * Reads of registers, in the caller's tenant. Anyone of the tenant may read them;
 * a read that sends a command's consistency token back first waits for the read model.
 */
@Injectable()
export class RegisterQueryHandler {
  constructor(
    @Inject(ATTENDANCE_SETTINGS) private readonly settings: AttendanceSettings,
    @Inject(REGISTER_LIST) private readonly registers: RegisterList,
    private readonly consistency: Consistency,
  ) {}

  async list(caller: Principal, paging: { limit?: number; offset?: number }): Promise<RegisterPage> {
    await this.consistency.await(this.settings.readModels.registerList, caller);
    return this.registers.page(caller.tenant, {
      limit: paging.limit ?? this.settings.defaultPageSize,
      offset: paging.offset ?? 0,
    });
  }

  async get(caller: Principal, registerId: string): Promise<RegisterView | undefined> {
    await this.consistency.await(this.settings.readModels.registerList, caller);
    return this.registers.find(caller.tenant, registerId);
  }
}
