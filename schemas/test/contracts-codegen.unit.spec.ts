import fs from 'node:fs';
import path from 'node:path';
import { Schema, Type } from 'avsc';
import { example, TOPIC_CATALOG } from '../src';
import { loadContractModules } from '../src/pipeline/contract-sources';
import { CODEGEN_COMMAND, generateContracts } from '../src/pipeline/contracts-codegen';
import { staleFiles } from '../src/pipeline/generated-files';
import { REPO_ROOT } from '../src/pipeline/paths';

function contractOf(type: string) {
  const contract = example.contracts.find((c) => c.type === type);
  if (!contract) throw new Error(`no generated contract for ${type}`);
  return contract;
}

describe('the generated contracts (schemas/src/contracts, schemas/src/catalog/topics.ts)', () => {
  it('are up to date with schemas/avro', async () => {
    const { files, obsolete } = await generateContracts(loadContractModules());
    const stale = staleFiles(files, obsolete);
    if (stale.length > 0) throw new Error(`out of date: ${stale.join(', ')}; run ${CODEGEN_COMMAND}`);
  });

  it('put the example topics in the catalog', () => {
    expect(TOPIC_CATALOG).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'example.account.v1',
          partitions: 3,
          owner: 'example',
          eventTypes: ['hexfleet.example.account.Deposited', 'hexfleet.example.account.Withdrawn'],
        }),
        expect.objectContaining({
          name: 'example.reward.v1',
          partitions: 1,
          owner: 'example',
          eventTypes: ['hexfleet.example.reward.Rewarded'],
        }),
      ]),
    );
  });

  it('build the events a decider returns, filling in Avro defaults left out', () => {
    expect(example.deposited({ amountMinor: 500 })).toEqual({
      type: 'Deposited',
      data: { amountMinor: 500, note: '' },
    });
    expect(example.deposited({ amountMinor: 500, note: 'rent' }).data.note).toBe('rent');
    expect(example.withdrawn({ amountMinor: 200 })).toEqual({ type: 'Withdrawn', data: { amountMinor: 200 } });
    expect(example.rewarded({ points: 5 })).toEqual({ type: 'Rewarded', data: { points: 5 } });
  });

  it('carry each .avsc as it is, on the topic that lists it', () => {
    for (const contract of example.contracts) {
      const file = path.join(REPO_ROOT, 'schemas/avro/example', `${contract.type}.avsc`);
      expect(contract.schema).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
      const fullName = `${contract.schema.namespace}.${contract.schema.name}`;
      expect(TOPIC_CATALOG.find((t) => t.eventTypes.includes(fullName))?.name).toBe(contract.topic);
    }
    expect(example.contracts.map((c) => c.type)).toEqual(['Deposited', 'Withdrawn', 'Rewarded']);
  });

  it('produce data that Avro encodes and decodes unchanged', () => {
    const events = [
      example.deposited({ amountMinor: 1 }),
      example.withdrawn({ amountMinor: 2 }),
      example.rewarded({ points: 3 }),
    ];
    for (const event of events) {
      const type = Type.forSchema(contractOf(event.type).schema as Schema);
      expect({ ...type.fromBuffer(type.toBuffer(event.data)) }).toEqual(event.data);
    }
  });

  it('match the eventing library example: the same fields, types and defaults', () => {
    const shape = (type: string) => contractOf(type).schema.fields.map(({ doc: _doc, ...field }) => field);
    expect(shape('Deposited')).toEqual([
      { name: 'amountMinor', type: 'long' },
      { name: 'note', type: 'string', default: '' },
    ]);
    expect(shape('Withdrawn')).toEqual([{ name: 'amountMinor', type: 'long' }]);
    expect(shape('Rewarded')).toEqual([{ name: 'points', type: 'long' }]);
  });
});
