import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { notifications } from '@hexfleet/schemas';

/** Stream `<tenant>/delivery/<deliveryId>`, topic notifications.delivery.v1. */
export type DeliveryEvent = notifications.NotificationsDeliveryV1Event;

/** A command is plain data; time comes in `metadata.now` because the domain never reads a clock. */
interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: { now: string };
}

/** The id of a new delivery comes in with the command, like the time. */
export type CreateDelivery = Command<'CreateDelivery', { deliveryId: string; name: string }>;
export type RenameDelivery = Command<'RenameDelivery', { name: string }>;
export type DeliveryCommand = CreateDelivery | RenameDelivery;

export type DeliveryState = { status: 'none' } | { status: 'active'; deliveryId: string; name: string };

/** The longest name, after trimming; the REST body documents the same limit. */
export const MAX_NAME_LENGTH = 100;

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME_LENGTH) {
    throw new DomainError('invalid-delivery-name', { maxLength: MAX_NAME_LENGTH });
  }
  return trimmed;
}

function decide(command: DeliveryCommand, state: DeliveryState): DeliveryEvent[] {
  switch (command.type) {
    case 'CreateDelivery': {
      if (state.status !== 'none') throw new DomainError('delivery-already-exists', { deliveryId: state.deliveryId });
      const { deliveryId, name } = command.data;
      return [notifications.deliveryCreated({ deliveryId, name: validName(name), createdAt: command.metadata.now })];
    }
    case 'RenameDelivery': {
      if (state.status === 'none') throw new DomainError('delivery-not-found');
      const name = validName(command.data.name);
      if (name === state.name) throw new DomainError('delivery-name-unchanged', { name });
      return [
        notifications.deliveryRenamed({
          deliveryId: state.deliveryId,
          previousName: state.name,
          name,
          renamedAt: command.metadata.now,
        }),
      ];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: DeliveryState, event: DeliveryEvent): DeliveryState {
  switch (event.type) {
    case 'DeliveryCreated':
      return { status: 'active', deliveryId: event.data.deliveryId, name: event.data.name };
    case 'DeliveryRenamed':
      return state.status === 'none' ? state : { ...state, name: event.data.name };
    default:
      return assertNever(event);
  }
}

export const deliveryDecider: Decider<DeliveryCommand, DeliveryEvent, DeliveryState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
