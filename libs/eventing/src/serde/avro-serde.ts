import { COMPATIBILITY, SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Type } from 'avsc';
import type { Resolver } from 'avsc';
import { EventContract, recordFullName, subjectFor } from './event-contract';

/**
 * Avro in the Confluent wire format (magic byte 0, 4-byte schema id, Avro
 * binary), registered under TopicRecordNameStrategy subjects. Ids are looked up
 * once per event type and cached, so the hot path never calls the registry;
 * decoding fetches each writer schema once (the client caches by id) and
 * resolves it against the reader schema compiled into this service. The reader
 * type and its resolver from each writer are built once, not per record: the
 * client's own `decode` compiles the reader schema on every call.
 */
export class AvroSerde {
  private readonly byType = new Map<string, EventContract>();
  private readonly byFullName = new Map<string, EventContract>();
  private readonly ids = new Map<string, number>();
  private readonly readers = new Map<string, Promise<{ type: Type; resolver?: Resolver }>>();

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
    // Anything but a well-formed record of a type we read goes to the client, for its own errors.
    if (!contract || value.length < 5 || value[0] !== 0) return this.registry.decode(value);
    const writerId = value.readInt32BE(1);
    const reader = await this.readerFor(writerId, contract);
    return reader.type.fromBuffer(value.subarray(5), reader.resolver);
  }

  private readerFor(writerId: number, contract: EventContract) {
    const key = `${writerId}:${contract.type}`;
    let reader = this.readers.get(key);
    if (!reader) {
      reader = (async () => {
        const writer = (await this.registry.getSchema(writerId)) as unknown as Type;
        const type = Type.forSchema(contract.schema as never);
        return { type, resolver: type.equals(writer) ? undefined : type.createResolver(writer) };
      })();
      // A failed lookup (registry down) is tried again on the next record, not remembered.
      reader.catch(() => this.readers.delete(key));
      this.readers.set(key, reader);
    }
    return reader;
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
