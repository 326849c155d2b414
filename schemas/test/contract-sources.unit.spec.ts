import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContractModules } from '../src/pipeline/contract-sources';

const event = (name: string, namespace = 'hexfleet.shop.order') =>
  JSON.stringify({ type: 'record', name, namespace, fields: [{ name: 'orderId', type: 'string' }] });

/** A throw-away `schemas/avro`: `{ module: { file: content } }`. */
function avroTree(modules: Record<string, Record<string, unknown>>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-avro-'));
  for (const [module, files] of Object.entries(modules)) {
    fs.mkdirSync(path.join(root, module));
    for (const [name, content] of Object.entries(files)) {
      fs.writeFileSync(path.join(root, module, name), typeof content === 'string' ? content : JSON.stringify(content));
    }
  }
  return root;
}

const topic = (name: string, eventTypes: string[], more: object = {}) => ({
  name,
  partitions: 3,
  owner: 'shop',
  visibility: 'public',
  eventTypes,
  ...more,
});

describe('reading schemas/avro', () => {
  it('reads the real tree: every module, and the example module with its topics and events', () => {
    const modules = loadContractModules();
    expect(modules.map((m) => m.name)).toEqual(expect.arrayContaining(['example', 'hrms', 'libraries', 'identity']));
    const module = modules.find((m) => m.name === 'example');
    if (!module) throw new Error('no example module');
    expect(module.topics.map((t) => t.name)).toEqual(['example.account.v1', 'example.reward.v1']);
    expect(module.events.map((e) => [e.type, e.topic, e.file])).toEqual([
      ['Deposited', 'example.account.v1', 'schemas/avro/example/Deposited.avsc'],
      ['Rewarded', 'example.reward.v1', 'schemas/avro/example/Rewarded.avsc'],
      ['Withdrawn', 'example.account.v1', 'schemas/avro/example/Withdrawn.avsc'],
    ]);
  });

  it('refuses, all at once, what would break the generators or the relay', () => {
    const root = avroTree({
      shop: {
        'topics.json': [
          topic('shop.order.v1', ['hexfleet.shop.order.OrderPlaced', 'hexfleet.shop.order.OrderLost']),
          topic('shop.cart.v1', ['hexfleet.shop.order.OrderPlaced']),
          topic('billing.invoice.v1', ['hexfleet.shop.order.Paid']),
          topic('shop.refund.v1', ['hexfleet.shop.order.Refunded'], { partitions: 0 }),
          topic('shop.stock.v1', ['hexfleet.shop.order.Stocked'], { visibility: undefined }),
          topic('shop.audit.v1', ['hexfleet.shop.order.Audited'], { visibility: 'internal' }),
          topic('shop.price.v1', ['hexfleet.shop.order.Priced'], { internalBecause: 'secret' }),
        ],
        'OrderPlaced.avsc': event('OrderPlaced'),
        'Shipped.avsc': event('OrderShipped'),
        'Cancelled.avsc': '{"type":"record","name":"Cancelled","fields":[{"name":"x","type":"nope"}]}',
      },
    });
    try {
      const message = messageOf(() => loadContractModules(root));
      expect(message).toMatch(/^invalid contracts in /);
      for (const problem of [
        'topics.json[2]: name "billing.invoice.v1" is not shop.<aggregate>.v<major>',
        'topics.json[3]: partitions must be a positive integer',
        'topics.json[4]: visibility must be "public" or "internal"',
        'topics.json[5]: an internal topic needs internalBecause: why integrators may not read it',
        'topics.json[6]: internalBecause is for internal topics only',
        'hexfleet.shop.order.OrderPlaced is listed on shop.order.v1 and shop.cart.v1; an event type has one topic',
        'Cancelled.avsc: Invalid schema',
        'Shipped.avsc: holds record OrderShipped, so must be OrderShipped.avsc',
        "Shipped.avsc: hexfleet.shop.order.OrderShipped is on no topic; list it in the module's topics.json",
        'shop.order.v1 lists hexfleet.shop.order.OrderLost, but module shop has no .avsc for it',
      ]) {
        expect(message).toContain(problem);
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected it to throw');
}
