#!/usr/bin/env python3
"""Reads Hexfleet domain events from Kafka with Confluent's client and prints one JSON line per event.

    python consume.py --topic hrms.employee.v1 --tenant acme

Each record's value is Avro in the Confluent wire format; Confluent's AvroDeserializer fetches the
writer's schema from the schema registry by the id in the record. The CloudEvents-style headers say
what the event is (ce_type), whose it is (tenant) and where it stands in its stream (stream_id,
stream_version). See docs/integrators.md.
"""

import argparse
import json
import signal
import sys
import time

from confluent_kafka import Consumer, KafkaException
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer
from confluent_kafka.serialization import MessageField, SerializationContext


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", default="localhost:9092", help="Kafka bootstrap servers (host:port,...)")
    parser.add_argument("--registry", default="http://localhost:8081", help="schema registry URL")
    parser.add_argument("--topic", action="append", required=True, help="a public topic; repeat for more")
    parser.add_argument("--group", default="integrator-example", help="consumer group: where to resume from")
    parser.add_argument("--tenant", help="print only this tenant's events (the `tenant` header)")
    parser.add_argument("--max-events", type=int, help="stop after printing this many events")
    parser.add_argument("--timeout", type=float, help="stop after this many seconds")
    return parser.parse_args()


def main():
    args = parse_args()
    registry = SchemaRegistryClient({"url": args.registry})
    # No reader schema given: records decode with the schema they were written with.
    avro = AvroDeserializer(registry)
    consumer = Consumer(
        {
            "bootstrap.servers": args.bootstrap,
            "group.id": args.group,
            # A new group starts at the beginning: topics keep every event for good.
            "auto.offset.reset": "earliest",
            # At least once: an offset is committed (in the background) only once its event was handled.
            "enable.auto.offset.store": False,
        }
    )
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    signal.signal(signal.SIGINT, lambda *_: stopping.append(True))
    deadline = time.monotonic() + args.timeout if args.timeout else None
    printed = 0
    consumer.subscribe(args.topic)
    try:
        while not stopping and (args.max_events is None or printed < args.max_events):
            if deadline and time.monotonic() > deadline:
                break
            record = consumer.poll(1.0)
            if record is None:
                continue
            if record.error():
                raise KafkaException(record.error())
            headers = {key: value.decode("utf-8") for key, value in record.headers() or []}
            if args.tenant is None or headers.get("tenant") == args.tenant:
                if handle(record, headers, avro):
                    printed += 1
            consumer.store_offsets(message=record)
    finally:
        consumer.close()  # commits the stored offsets and leaves the group


def handle(record, headers, avro):
    """Prints the event as one JSON line; a record it cannot decode is reported and skipped."""
    try:
        data = avro(record.value(), SerializationContext(record.topic(), MessageField.VALUE, record.headers()))
    except Exception as error:  # a real consumer would dead-letter it
        print(f"skipped {record.topic()}/{record.partition()}@{record.offset()}: {error}", file=sys.stderr)
        return False
    event = {
        "topic": record.topic(),
        "partition": record.partition(),
        "offset": record.offset(),
        "key": record.key().decode("utf-8") if record.key() else None,
        "id": headers.get("ce_id"),
        "type": headers.get("ce_type"),
        "source": headers.get("ce_source"),
        "time": headers.get("ce_time"),
        "subject": headers.get("ce_subject"),
        "tenant": headers.get("tenant"),
        "stream_id": headers.get("stream_id"),
        "stream_version": int(headers["stream_version"]),
        "correlation_id": headers.get("correlation_id"),
        "data": data,
    }
    print(json.dumps(event, default=str), flush=True)
    return True


if __name__ == "__main__":
    main()
