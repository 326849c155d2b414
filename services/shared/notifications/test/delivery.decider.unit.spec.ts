import { notifications } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { deliveryDecider, MAX_NAME_LENGTH } from '../src/domain/delivery.decider';
import type { CreateDelivery, RenameDelivery } from '../src/domain/delivery.decider';

const given = deciderSpec(deliveryDecider);
const NOW = '2026-03-02T09:00:00.000Z';
const ID = '0195f0a2-7c1e-7000-8000-000000000001';
const metadata = { now: NOW };

const create = (name: string): CreateDelivery => ({ type: 'CreateDelivery', data: { deliveryId: ID, name }, metadata });
const rename = (name: string): RenameDelivery => ({ type: 'RenameDelivery', data: { name }, metadata });
const created = (name: string) => notifications.deliveryCreated({ deliveryId: ID, name, createdAt: NOW });
const renamed = (previousName: string, name: string) =>
  notifications.deliveryRenamed({ deliveryId: ID, previousName, name, renamedAt: NOW });

describe('creating a delivery', () => {
  it('given nothing, when a delivery is created, then DeliveryCreated carries its name, trimmed', () => {
    given([])
      .when(create('  Atlas '))
      .then([created('Atlas')]);
  });

  it('given nothing, when the name is blank or too long, then invalid-delivery-name', () => {
    given([]).when(create('   ')).thenThrows('invalid-delivery-name');
    given([])
      .when(create('x'.repeat(MAX_NAME_LENGTH + 1)))
      .thenThrows('invalid-delivery-name', { maxLength: MAX_NAME_LENGTH });
  });

  it('given a delivery, when it is created again, then delivery-already-exists', () => {
    given([created('Atlas')])
      .when(create('Atlas'))
      .thenThrows('delivery-already-exists', { deliveryId: ID });
  });
});

describe('renaming a delivery', () => {
  it('given a delivery, when it is renamed, then DeliveryRenamed carries the name before and after', () => {
    given([created('Atlas')])
      .when(rename('Globe'))
      .then([renamed('Atlas', 'Globe')]);
  });

  it('given a renamed delivery, when it is renamed again, then the change starts from its latest name', () => {
    given([created('Atlas'), renamed('Atlas', 'Globe')])
      .when(rename('Map'))
      .then([renamed('Globe', 'Map')]);
  });

  it('given nothing, when it is renamed, then delivery-not-found', () => {
    given([]).when(rename('Globe')).thenThrows('delivery-not-found');
  });

  it('given a delivery, when it is renamed to the name it has, then delivery-name-unchanged', () => {
    given([created('Atlas')])
      .when(rename(' Atlas '))
      .thenThrows('delivery-name-unchanged', { name: 'Atlas' });
  });
});
