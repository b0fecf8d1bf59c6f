package dev.catalog.osb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Binding credentials as the broker sent them. Prints as {@code (sensitive)}; only {@link
 * #reveal()} gives the values, at the one place they are delivered to a sink.
 */
public final class BrokerCredentials {
  /** No credentials (the broker generated none). */
  public static final BrokerCredentials NONE = new BrokerCredentials(JsonNodeFactory.instance.objectNode());

  private final ObjectNode values;

  private BrokerCredentials(ObjectNode values) {
    this.values = values;
  }

  static BrokerCredentials of(JsonNode node) {
    Objects.requireNonNull(node, "node");
    if (!node.isObject()) {
      throw new IllegalArgumentException("credentials must be a JSON object");
    }
    return new BrokerCredentials(((ObjectNode) node).deepCopy());
  }

  /** A copy of the values, for the sink that stores them. */
  public ObjectNode reveal() {
    return values.deepCopy();
  }

  /** The top-level keys (e.g. {@code uri}, {@code username}), which are not secret. */
  public List<String> keys() {
    var keys = new ArrayList<String>();
    values.fieldNames().forEachRemaining(keys::add);
    return List.copyOf(keys);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BrokerCredentials c && values.equals(c.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "(sensitive)";
  }
}
