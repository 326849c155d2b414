package dev.hexfleet.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes a record value in the Confluent wire format: magic byte 0, the writer schema's id (4 bytes,
 * big-endian), then Avro binary. The writer schema comes from the registry's
 * {@code GET /schemas/ids/{id}} once per id, as Confluent's KafkaAvroDeserializer does.
 */
public final class RegistryAvroDecoder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String registryUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<Integer, GenericDatumReader<GenericRecord>> readers = new ConcurrentHashMap<>();

  public RegistryAvroDecoder(String registryUrl) {
    this.registryUrl = registryUrl.replaceAll("/+$", "");
  }

  public GenericRecord decode(byte[] value) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(value);
    if (value.length < 5 || buffer.get() != 0) {
      throw new IOException("not in the Confluent wire format (magic byte 0)");
    }
    int schemaId = buffer.getInt();
    GenericDatumReader<GenericRecord> reader = readers.computeIfAbsent(schemaId, this::readerFor);
    return reader.read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
  }

  /** The writer's schema; to read with a schema of your own, pass it as the reader's second argument. */
  private GenericDatumReader<GenericRecord> readerFor(int schemaId) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + schemaId))
        .header("Accept", "application/vnd.schemaregistry.v1+json")
        .timeout(Duration.ofSeconds(10))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("schema " + schemaId + ": registry answered " + response.statusCode());
      }
      String schema = JSON.readTree(response.body()).get("schema").asText();
      return new GenericDatumReader<>(new Schema.Parser().parse(schema));
    } catch (IOException error) {
      throw new UncheckedIOException(error);
    } catch (InterruptedException error) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(error);
    }
  }
}
