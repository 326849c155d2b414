import type { EventContract } from '../../src';

/** A tiny example domain (bank accounts) used to exercise the eventing library; not a product module. */
export const accountContracts = (topic: string): EventContract[] => [
  {
    type: 'Deposited',
    topic,
    schema: {
      type: 'record',
      name: 'Deposited',
      namespace: 'hexfleet.example.account',
      fields: [
        { name: 'amountMinor', type: 'long' },
        { name: 'note', type: 'string', default: '' },
      ],
    },
  },
  {
    type: 'Withdrawn',
    topic,
    schema: {
      type: 'record',
      name: 'Withdrawn',
      namespace: 'hexfleet.example.account',
      fields: [{ name: 'amountMinor', type: 'long' }],
    },
  },
];

/** Loyalty points a policy grants per deposit: published on a topic of its own. */
export const rewardContracts = (topic: string): EventContract[] => [
  {
    type: 'Rewarded',
    topic,
    schema: {
      type: 'record',
      name: 'Rewarded',
      namespace: 'hexfleet.example.reward',
      fields: [{ name: 'points', type: 'long' }],
    },
  },
];
