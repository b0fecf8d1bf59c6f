package dev.catalog.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads fields of a state document, naming the JSON path of anything missing or malformed. */
final class JsonFields {
  private final String source;

  JsonFields(String source) {
    this.source = source;
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

  Address address(String text, String path) {
    try {
      return Address.parse(text);
    } catch (dev.catalog.CatalogException e) {
      throw invalid(path, e.getMessage());
    }
  }
}
