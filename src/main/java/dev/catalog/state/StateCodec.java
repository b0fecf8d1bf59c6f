package dev.catalog.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * Reads and writes the versioned state JSON. Keys come in a fixed order and the output is pretty
 * printed, so a Git diff of two states shows only what changed. Older format versions are
 * upgraded on read; newer ones are refused rather than misread.
 */
public final class StateCodec {
  /** The format version this catalog writes. */
  public static final int CURRENT_VERSION = 1;

  private final ObjectMapper mapper =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final ObjectWriter writer =
      mapper.writer(
          new DefaultPrettyPrinter()
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  /** The document as UTF-8 JSON, ending in a newline. */
  public byte[] encode(State state) {
    var root = JsonNodeFactory.instance.objectNode();
    root.put("version", CURRENT_VERSION);
    root.put("lineage", state.lineage());
    root.put("serial", state.serial());
    root.put("tool_version", state.toolVersion());
    var brokers = root.putObject("brokers");
    state
        .brokers()
        .forEach(
            (name, broker) ->
                brokers
                    .putObject(name)
                    .put("url", broker.url())
                    .put("catalog_fingerprint", broker.catalogFingerprint()));
    var resources = root.putObject("resources");
    state.resources().forEach((address, r) -> resources.set(address.toString(), encode(r)));
    try {
      return (writer.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  /** One resource as it appears in the document, for {@code catalog state show}. */
  public ObjectNode encode(ResourceState resource) {
    return ResourceCodec.encode(resource);
  }

  /** Pretty JSON text of one resource. */
  public String render(ResourceState resource) {
    try {
      return writer.writeValueAsString(encode(resource));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  /**
   * Reads a document, upgrading older format versions.
   *
   * @param source where it came from, named in errors (a backend identity or a file)
   * @throws StateFormatException when it is not valid JSON, misses fields or is too new
   */
  public State decode(byte[] content, String source) {
    var fields = new JsonFields(source);
    JsonNode root;
    try {
      root = mapper.readTree(content);
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw new StateFormatException(
          "state "
              + source
              + " is not valid JSON (corrupted or truncated"
              + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
              + "); it was not changed: restore it from its backup or history and run "
              + "'catalog state push FILE'");
    } catch (IOException e) {
      throw new StateFormatException("state " + source + " cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw fields.invalid("$", "expected a JSON object (the file is empty or truncated)");
    }
    long version = fields.number(root, "version", "$");
    if (version > CURRENT_VERSION) {
      throw new StateFormatException(
          "state "
              + source
              + " has format version "
              + version
              + (root.hasNonNull("tool_version")
                  ? " (written by catalog " + root.get("tool_version").asText() + ")"
                  : "")
              + " but this catalog reads versions up to "
              + CURRENT_VERSION
              + ": upgrade catalog; the state was not changed");
    }
    if (version < CURRENT_VERSION) {
      root = StateUpgrader.upgrade((ObjectNode) root, (int) version, fields);
    }
    return decodeCurrent(root, fields);
  }

  private static State decodeCurrent(JsonNode root, JsonFields f) {
    var lineage = f.text(root, "lineage", "$");
    var serial = f.number(root, "serial", "$");
    var toolVersion = f.optionalText(root, "tool_version", "$").orElse("unknown");
    var brokers = new TreeMap<String, BrokerRecord>();
    var brokersNode = f.object(root, "brokers", "$");
    brokersNode
        .fields()
        .forEachRemaining(
            e ->
                brokers.put(
                    e.getKey(),
                    new BrokerRecord(
                        f.text(e.getValue(), "url", "brokers." + e.getKey()),
                        f.text(e.getValue(), "catalog_fingerprint", "brokers." + e.getKey()))));
    var resources = new TreeMap<Address, ResourceState>();
    f.object(root, "resources", "$")
        .fields()
        .forEachRemaining(
            e -> {
              var address = f.address(e.getKey(), "resources." + e.getKey());
              resources.put(address, ResourceCodec.decode(address, e.getValue(), f));
            });
    return new State(lineage, serial, toolVersion, brokers, resources);
  }
}
