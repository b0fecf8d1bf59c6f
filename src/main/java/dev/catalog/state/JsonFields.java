package dev.catalog.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.catalog.FrozenJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads fields of a state document, naming the JSON path of anything missing or malformed. */
final class JsonFields {
  private final String source;
  private final Map<String, String> shared = new HashMap<>();
  private final Map<OfferingRef, OfferingRef> offerings = new HashMap<>();
  private final Map<JsonNode, JsonNode> sharedJson = new HashMap<>();
  private final Map<String, Address> addresses = new HashMap<>();
  private final Map<LastOperation, Optional<LastOperation>> operations = new HashMap<>();

  JsonFields(String source) {
    this.source = source;
  }

  /**
   * A text field whose few distinct values repeat in every resource (broker names, offering ids and
   * names): one String per distinct value for this document, instead of one per resource (issue 7:
   * 300,000 resources held six copies each).
   */
  String sharedText(JsonNode node, String field, String path) {
    return shared.computeIfAbsent(text(node, field, path), v -> v);
  }

  /** One record per distinct offering for this document: two per resource otherwise. */
  OfferingRef sharedOffering(OfferingRef offering) {
    return offerings.computeIfAbsent(offering, o -> o);
  }

  /**
   * A JSON field, frozen, one tree per distinct value for this document: a binding's context is its
   * instance's (issue 7: 200,000 bindings held a copy each). Absent is JSON null.
   */
  JsonNode sharedJson(JsonNode node, String field) {
    return sharedJson.computeIfAbsent(FrozenJson.freeze(json(node, field)), v -> v);
  }

  StateFormatException invalid(String path, String problem) {
    return new StateFormatException(
        "state " + source + " is invalid at " + path + ": " + problem + "; it was not changed");
  }

  JsonNode object(JsonNode node, String field, String path) {
    var value = node.get(field);
    if (value == null || !value.isObject()) {
      throw invalid(path + "." + field, value == null ? "missing" : "expected an object");
    }
    return value;
  }

  JsonNode optionalObject(JsonNode node, String field, String path) {
    var value = node.get(field);
    if (value != null && !value.isObject() && !value.isNull()) {
      throw invalid(path + "." + field, "expected an object");
    }
    return value;
  }

  String text(JsonNode node, String field, String path) {
    return optionalText(node, field, path)
        .orElseThrow(() -> invalid(path + "." + field, "missing"));
  }

  Optional<String> optionalText(JsonNode node, String field, String path) {
    var value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw invalid(path + "." + field, "expected a string");
    }
    return Optional.of(value.asText());
  }

  long number(JsonNode node, String field, String path) {
    var value = node.get(field);
    if (value == null || !value.canConvertToExactIntegral() || value.asLong() < 0) {
      throw invalid(path + "." + field, value == null ? "missing" : "expected a whole number >= 0");
    }
    return value.asLong();
  }

  Optional<Instant> optionalInstant(JsonNode node, String field, String path) {
    return node.hasNonNull(field) ? Optional.of(instant(node, field, path)) : Optional.empty();
  }

  Instant instant(JsonNode node, String field, String path) {
    var text = text(node, field, path);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(path + "." + field, "expected an ISO-8601 instant, got '" + text + "'");
    }
  }

  JsonNode json(JsonNode node, String field) {
    var value = node.get(field);
    return value == null ? NullNode.getInstance() : value;
  }

  /**
   * One {@code Address} per distinct text for this document: a binding names its instance, which is
   * also a key (issue 7: 200,000 bindings held a copy each, with its name).
   */
  Address address(String text, String path) {
    var known = addresses.get(text);
    if (known != null) {
      return known;
    }
    try {
      var address = Address.parse(text);
      addresses.put(text, address);
      return address;
    } catch (dev.catalog.CatalogException e) {
      throw invalid(path, e.getMessage());
    }
  }

  /**
   * A text field repeated across resources with many distinct values (a binding's {@code
   * instance_id} is its instance's): one String per distinct value for this document.
   */
  String repeatedText(JsonNode node, String field, String path) {
    return shared.computeIfAbsent(text(node, field, path), v -> v);
  }

  /**
   * One record per distinct last operation for this document: most resources' last operation is the
   * same succeeded provision or bind of one apply (issue 7: 300,000 copies with an Instant).
   */
  Optional<LastOperation> sharedOperation(LastOperation operation) {
    return operations.computeIfAbsent(operation, Optional::of);
  }
}
