package dev.catalog.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * The encoded text of every resource of the last document written, kept by identity, so that the
 * next document encodes only the resources that changed (issue 18). An apply writes the whole
 * state after every batch of changes: with the Git backend, encoding 1,000 unchanged resources
 * again was half of the state writer's CPU. Resource records are immutable, so the same record
 * always encodes to the same text.
 *
 * <p>Each resource is written alone by a printer that starts at the depth a resource has in the
 * document, so its text is byte for byte what the whole document's printer writes there; the
 * document is then written with that text in place ({@link RawValue}). {@code
 * StateCodecTest} compares both ways on both layouts.
 */
final class ResourceFragments {
  /** The nesting of a resource's value in the document: root, then {@code resources}. */
  static final int RESOURCE_NESTING = 2;

  /**
   * Above this many resources nothing is kept: the texts would double what a large state holds in
   * memory (100,000 resources plan in a 512 MiB heap), and such states are planned far more often
   * than applied.
   */
  static final int MAX_RESOURCES = 20_000;

  private final ObjectWriter pretty;
  private final ObjectWriter linePerResource;
  private Map<ResourceState, RawValue> kept = new IdentityHashMap<>();
  private boolean keptLinePerResource;

  ResourceFragments(ObjectMapper mapper, DefaultPrettyPrinter prettyPrinter) {
    this.pretty = mapper.writer(new Nested(prettyPrinter));
    this.linePerResource = mapper.writer(new LinePerResourcePrinter(RESOURCE_NESTING));
  }

  /** Sets every resource's text into {@code node}, in the map's order, keeping the texts. */
  synchronized void fill(
      ObjectNode node, SortedMap<Address, ResourceState> resources, boolean linePerResourceLayout) {
    if (linePerResourceLayout != keptLinePerResource) {
      kept = new IdentityHashMap<>();
      keptLinePerResource = linePerResourceLayout;
    }
    var writer = linePerResourceLayout ? linePerResource : pretty;
    var next = new IdentityHashMap<ResourceState, RawValue>(resources.size() * 4 / 3 + 1);
    resources.forEach(
        (address, resource) -> {
          var text = kept.get(resource);
          if (text == null) {
            text = new RawValue(write(writer, ResourceCodec.encode(resource)));
          }
          next.put(resource, text);
          node.putRawValue(address.toString(), text);
        });
    kept = next;
  }

  private static String write(ObjectWriter writer, ObjectNode resource) {
    try {
      return writer.writeValueAsString(resource);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  /** The document's pretty printer, starting at a resource's depth. */
  private static final class Nested extends DefaultPrettyPrinter {
    Nested(DefaultPrettyPrinter base) {
      super(base);
      _nesting = RESOURCE_NESTING;
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new Nested(this);
    }
  }
}
