import { Inject, Injectable } from '@nestjs/common';
import type { ConsumedEvent, ConsumedEventMeta } from '@hexfleet/eventing';
import { TenantId } from '@hexfleet/kernel';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { hrms, identity } from '@hexfleet/schemas';
import { cardDecider, ownerDecider } from '../domain';
import type { OwnerCommand } from '../domain';
import { BOARDS } from './boards.port';
import type { Boards } from './boards.port';
import { loadCard } from './streams';

/** The tenant's users who may own cards, from identity's and HRMS's events (a redelivery appends nothing). */
@Injectable()
export class OwnersCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    @Inject(BOARDS) private readonly boards: Boards,
  ) {}

  registered(policy: { name: string }, event: ConsumedEvent<identity.UserRegistered>) {
    const { userId, displayName, email, employeeId } = event.data;
    return this.run(policy, event, userId, {
      type: 'RegisterOwner',
      data: { userId, displayName, email, employeeId: employeeId ?? null },
      metadata: { now: this.time.now() },
    });
  }

  deactivated(policy: { name: string }, event: ConsumedEvent<identity.UserDeactivated>) {
    const { userId } = event.data;
    return this.run(policy, event, userId, {
      type: 'DeactivateOwner',
      data: { userId, reason: 'deactivated' },
      metadata: { now: this.time.now() },
    });
  }

  /** A separated employee owns no more cards, whether or not identity has deactivated the account yet. */
  async separated(policy: { name: string }, event: ConsumedEvent<hrms.EmployeeSeparated>) {
    const userId =
      event.data.userId ?? (await this.boards.ownerOfEmployee(TenantId.parse(event.tenant), event.data.employeeId));
    if (!userId) return;
    await this.run(policy, event, userId, {
      type: 'DeactivateOwner',
      data: { userId, reason: 'separated' },
      metadata: { now: this.time.now() },
    });
  }

  /**
   * A deactivation also unassigns the cards the user owns (as the board shows them), in the
   * same transaction: a card keeps no owner who may no longer own it.
   */
  private async run(policy: { name: string }, event: ConsumedEventMeta, userId: string, command: OwnerCommand) {
    const held =
      command.type === 'DeactivateOwner' ? await this.boards.cardsOwnedBy(TenantId.parse(event.tenant), userId) : [];
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        const owner = await tx.load(ownerDecider, 'owner', userId);
        tx.append(owner, ownerDecider.decide(command, owner.state));
        for (const cardId of held) {
          const card = await loadCard(tx, cardId).catch(() => undefined);
          if (!card || card.state.status === 'none' || card.state.ownerId !== userId) continue;
          const unassign = {
            type: 'AssignOwner' as const,
            data: { ownerId: null, ownerActive: false },
            metadata: command.metadata,
          };
          tx.append(card, cardDecider.decide(unassign, card.state));
        }
      },
      { retries: 3 },
    );
  }
}
