package dev.hexfleet.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads Hexfleet domain events from Kafka and prints one JSON line per event.
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.args="--topic hrms.employee.v1 --tenant acme"
 * </pre>
 *
 * Options: --bootstrap (localhost:9092), --registry (http://localhost:8081), --topic (repeat for
 * more), --group (integrator-example), --tenant, --max-events, --timeout (seconds). See
 * docs/integrators.md.
 */
public final class Consume {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] argv) throws Exception {
    Map<String, List<String>> args = parse(argv);
    List<String> topics = args.getOrDefault("topic", List.of());
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("--topic is required (a public topic; repeat for more)");
    }
    String tenant = one(args, "tenant", null);
    int maxEvents = Integer.parseInt(one(args, "max-events", String.valueOf(Integer.MAX_VALUE)));
    String timeout = one(args, "timeout", null);
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + (long) (Double.parseDouble(timeout) * 1e9);

    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, one(args, "bootstrap", "localhost:9092"));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, one(args, "group", "integrator-example"));
    // A new group starts at the beginning: topics keep every event for good.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // At least once: offsets are committed after the events they cover were handled.
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    RegistryAvroDecoder avro = new RegistryAvroDecoder(one(args, "registry", "http://localhost:8081"));

    int printed = 0;
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(topics);
      while (printed < maxEvents && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          Map<String, String> headers = headers(record);
          // Filter on the header first: other tenants' records are never decoded.
          if (printed < maxEvents && (tenant == null || tenant.equals(headers.get("tenant")))) {
            if (print(record, headers, avro)) printed++;
          }
        }
        consumer.commitSync();
      }
    }
  }

  /** Prints the event as one JSON line; a record it cannot decode is reported and skipped. */
  private static boolean print(ConsumerRecord<String, byte[]> record, Map<String, String> headers, RegistryAvroDecoder avro)
      throws Exception {
    GenericRecord data;
    try {
      data = avro.decode(record.value());
    } catch (Exception error) { // a real consumer would dead-letter it
      System.err.printf("skipped %s/%d@%d: %s%n", record.topic(), record.partition(), record.offset(), error);
      return false;
    }
    ObjectNode event = JSON.createObjectNode();
    event.put("topic", record.topic());
    event.put("partition", record.partition());
    event.put("offset", record.offset());
    event.put("key", record.key());
    event.put("id", headers.get("ce_id"));
    event.put("type", headers.get("ce_type"));
    event.put("source", headers.get("ce_source"));
    event.put("time", headers.get("ce_time"));
    event.put("subject", headers.get("ce_subject"));
    event.put("tenant", headers.get("tenant"));
    event.put("stream_id", headers.get("stream_id"));
    event.put("stream_version", Long.parseLong(headers.get("stream_version")));
    event.put("correlation_id", headers.get("correlation_id"));
    // Avro's generic records print as JSON.
    event.set("data", JSON.readTree(GenericData.get().toString(data)));
    System.out.println(JSON.writeValueAsString(event));
    System.out.flush();
    return true;
  }

  private static Map<String, String> headers(ConsumerRecord<?, ?> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }

  /** {@code --name value} pairs; a name may repeat. */
  private static Map<String, List<String>> parse(String[] argv) {
    Map<String, List<String>> args = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      if (!argv[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, got " + argv[i]);
      args.computeIfAbsent(argv[i].substring(2), name -> new ArrayList<>()).add(argv[i + 1]);
    }
    return args;
  }

  private static String one(Map<String, List<String>> args, String name, String fallback) {
    List<String> values = args.get(name);
    return values == null ? fallback : values.get(values.size() - 1);
  }
}
