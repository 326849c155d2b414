import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { deliveryDecider } from '../domain/delivery.decider';
import type { DeliveryCommand } from '../domain/delivery.decider';

/** The writes of deliveries: one stream per delivery, `<tenant>/delivery/<deliveryId>`. */
@Injectable()
export class DeliveryCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly timeAndIds: TimeAndIds,
  ) {}

  async create(caller: Principal, name: string) {
    // With an Idempotency-Key, a retried request lands on the same id (and is applied once).
    const deliveryId = this.timeAndIds.newId(caller, 'delivery');
    const outcome = await this.run(caller, deliveryId, {
      type: 'CreateDelivery',
      data: { deliveryId, name },
      metadata: { now: this.timeAndIds.now() },
    });
    return { deliveryId, outcome };
  }

  async rename(caller: Principal, deliveryId: string, name: string) {
    const outcome = await this.run(caller, deliveryId, {
      type: 'RenameDelivery',
      data: { name },
      metadata: { now: this.timeAndIds.now() },
    });
    return { deliveryId, outcome };
  }

  private async run(caller: Principal, deliveryId: string, command: DeliveryCommand) {
    const outcome = await this.commands.handle(deliveryDecider, {
      caller,
      aggregate: 'delivery',
      id: deliveryId,
      command,
    });
    return outcome.status;
  }
}
