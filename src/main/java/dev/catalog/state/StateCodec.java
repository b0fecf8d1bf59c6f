package dev.catalog.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads and writes the versioned state JSON. Keys come in a fixed order and the output is pretty
 * printed, so a Git diff of two states shows only what changed. Older format versions are upgraded
 * on read; newer ones are refused rather than misread.
 */
public final class StateCodec {
  /** The format version this catalog writes. */
  public static final int CURRENT_VERSION = 1;

  private final ObjectMapper mapper = new ObjectMapper();
  private final DefaultPrettyPrinter printer =
      new DefaultPrettyPrinter()
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));
  private final ObjectWriter writer = mapper.writer(printer);
  private final ResourceFragments fragments = new ResourceFragments(mapper, printer);

  /**
   * Above this many resources a state is written one resource per line: same JSON, same key order,
   * still one changed line per changed resource in a Git diff, but 45 % smaller. A pretty-printed
   * state of 100,000 instances was 243 MB, read whole by the backends before decoding (issue 7).
   */
  public static final int LINE_PER_RESOURCE_ABOVE = 1000;

  private final ObjectWriter linePerResource = mapper.writer(new LinePerResourcePrinter());

  /**
   * The document as UTF-8 JSON, ending in a newline. Resources unchanged since the last document
   * this codec wrote are not encoded again ({@link ResourceFragments}).
   */
  public byte[] encode(State state) {
    return encode(state, state.resources().size() <= ResourceFragments.MAX_RESOURCES);
  }

  /** The document encoded whole, every resource again: what {@link #encode(State)} must equal. */
  byte[] encodeWhole(State state) {
    return encode(state, false);
  }

  private byte[] encode(State state, boolean reuse) {
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
    boolean linePerResourceLayout = state.resources().size() > LINE_PER_RESOURCE_ABOVE;
    if (reuse) {
      fragments.fill(resources, state.resources(), linePerResourceLayout);
    } else {
      state.resources().forEach((address, r) -> resources.set(address.toString(), encode(r)));
    }
    var layout = linePerResourceLayout ? linePerResource : writer;
    try {
      return (layout.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
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
    return decode(new ByteArrayInputStream(content), source);
  }

  /**
   * Reads a document from a stream. A current-version document whose {@code version} comes before
   * {@code resources} (as this codec writes it) is decoded one resource at a time, so the whole
   * document is never held as a JSON tree (issue 7: a 243 MB state for 100,000 instances); any
   * other document is read as a tree and upgraded.
   */
  public State decode(InputStream content, String source) {
    return decode(content, source, resource -> {});
  }

  /**
   * Reads a document from a stream and hands each resource of a streamed document to {@code
   * decoded} as soon as it is decoded, before the rest is read: a refreshing plan starts reading
   * it back from its broker while the state is still being decoded (issue 7). {@code decoded} may
   * see some, all or none of the resources (an older format is upgraded as a whole first), and
   * sees them before the document is known to be valid; the state returned is what counts.
   */
  public State decode(InputStream content, String source, Consumer<ResourceState> decoded) {
    var fields = new JsonFields(source);
    try (var parser = mapper.createParser(content)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw fields.invalid("$", "expected a JSON object (the file is empty or truncated)");
      }
      var header = JsonNodeFactory.instance.objectNode();
      TreeMap<Address, ResourceState> streamed = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        var name = parser.currentName();
        parser.nextToken();
        var version = header.get("version");
        if (name.equals("resources")
            && parser.currentToken() == JsonToken.START_OBJECT
            && version != null
            && version.canConvertToExactIntegral()
            && version.asLong() == CURRENT_VERSION) {
          streamed = streamResources(parser, fields, decoded);
        } else {
          header.set(name, mapper.readTree(parser));
        }
      }
      if (parser.nextToken() != null) {
        throw notJson(source, parser.currentLocation());
      }
      var resources = streamed;
      return resources == null
          ? decodeTree(header, source, fields)
          : decodeHeader(header, fields, () -> resources);
    } catch (JsonProcessingException e) {
      throw notJson(source, e.getLocation());
    } catch (IOException e) {
      throw new StateFormatException("state " + source + " cannot be read: " + e.getMessage());
    }
  }

  private static StateFormatException notJson(String source, JsonLocation where) {
    return new StateFormatException(
          "state "
              + source
              + " is not valid JSON (corrupted or truncated"
              + (where == null
                  ? ""
                  : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
              + "); it was not changed: restore it from its backup or history and run "
              + "'catalog state push FILE'");
  }

  private TreeMap<Address, ResourceState> streamResources(
      JsonParser parser, JsonFields f, Consumer<ResourceState> decoded) throws IOException {
    var resources = new TreeMap<Address, ResourceState>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      var key = parser.currentName();
      parser.nextToken();
      JsonNode node = mapper.readTree(parser);
      var address = f.address(key, "resources." + key);
      var resource = ResourceCodec.decode(address, node, f);
      resources.put(address, resource);
      decoded.accept(resource);
    }
    return resources;
  }

  private static State decodeTree(ObjectNode root, String source, JsonFields fields) {
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
    JsonNode current = root;
    if (version < CURRENT_VERSION) {
      current = StateUpgrader.upgrade(root, (int) version, fields);
    }
    var tree = current;
    return decodeHeader(
        current,
        fields,
        () -> {
          var resources = new TreeMap<Address, ResourceState>();
          fields
              .object(tree, "resources", "$")
              .fields()
              .forEachRemaining(
                  e -> {
                    var address = fields.address(e.getKey(), "resources." + e.getKey());
                    resources.put(address, ResourceCodec.decode(address, e.getValue(), fields));
                  });
          return resources;
        });
  }

  /** The top-level fields, checked before {@code resources} is asked for its records. */
  private static State decodeHeader(
      JsonNode root, JsonFields f, Supplier<TreeMap<Address, ResourceState>> resources) {
    f.number(root, "version", "$");
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
    return new State(lineage, serial, toolVersion, brokers, resources.get());
  }
}
