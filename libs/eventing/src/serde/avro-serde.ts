import { COMPATIBILITY, SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { EventContract, recordFullName, subjectFor } from './event-contract';

/**
 * Avro in the Confluent wire format (magic byte 0, 4-byte schema id, Avro
 * binary), registered under TopicRecordNameStrategy subjects. Ids are looked up
 * once per event type and cached, so the hot path never calls the registry;
 * decoding fetches each writer schema once (the client caches by id) and
 * resolves it against the reader schema compiled into this service.
 */
export class AvroSerde {
  private readonly byType = new Map<string, EventContract>();
  private readonly byFullName = new Map<string, EventContract>();
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly registry: SchemaRegistry,
    contracts: readonly EventContract[],
  ) {
    for (const contract of contracts) {
      this.byType.set(contract.type, contract);
      this.byFullName.set(recordFullName(contract.schema), contract);
    }
  }

  static forUrl(url: string, contracts: readonly EventContract[]) {
    return new AvroSerde(new SchemaRegistry({ host: url }), contracts);
  }

  contractFor(type: string): EventContract {
    const contract = this.byType.get(type);
    if (!contract) throw new Error(`no Avro contract for event type "${type}"`);
    return contract;
  }

  /** Registers (or finds) every contract's schema; an incompatible change fails here, at start-up. */
  async registerAll(): Promise<void> {
    for (const contract of this.byType.values()) await this.schemaId(contract);
  }

  async encode(type: string, data: unknown): Promise<{ value: Buffer; contract: EventContract }> {
    const contract = this.contractFor(type);
    return { value: await this.registry.encode(await this.schemaId(contract), data), contract };
  }

  /** Decodes with the writer's schema from the registry, resolved to our reader schema for `fullName`. */
  async decode(value: Buffer, fullName?: string): Promise<unknown> {
    const contract = fullName ? this.byFullName.get(fullName) : undefined;
    return this.registry.decode(value, contract ? { [SchemaType.AVRO]: { readerSchema: contract.schema } } : undefined);
  }

  private async schemaId(contract: EventContract): Promise<number> {
    let id = this.ids.get(contract.type);
    if (id === undefined) {
      const registered = await this.registry.register(
        { type: SchemaType.AVRO, schema: JSON.stringify(contract.schema) },
        // Events are kept forever: every old and new reader must read every version. Without this the client
        // pins a new subject to BACKWARD (its default), whatever the registry's global level says.
        { subject: subjectFor(contract), compatibility: COMPATIBILITY.FULL_TRANSITIVE },
      );
      id = registered.id;
      this.ids.set(contract.type, id);
    }
    return id;
  }
}
