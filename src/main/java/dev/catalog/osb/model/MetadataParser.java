package dev.catalog.osb.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the presentation conventions of catalog {@code metadata} (OSB profile: displayName,
 * imageUrl, longDescription, providerDisplayName, documentationUrl, supportUrl, bullets, costs).
 * Metadata is opaque to the OSB spec, so a value of the wrong shape is skipped, never an error.
 */
final class MetadataParser {
  private MetadataParser() {}

  static OfferingMetadata offering(JsonNode node) {
    var metadata = node.path("metadata");
    return new OfferingMetadata(
        text(metadata, "imageUrl"),
        text(metadata, "longDescription"),
        text(metadata, "providerDisplayName"),
        text(metadata, "documentationUrl"),
        text(metadata, "supportUrl"));
  }

  static PlanMetadata plan(JsonNode node) {
    var metadata = node.path("metadata");
    var bullets = new ArrayList<String>();
    metadata.path("bullets").forEach(b -> textOf(b).ifPresent(bullets::add));
    var costs = new ArrayList<PlanCost>();
    metadata.path("costs").forEach(c -> cost(c).ifPresent(costs::add));
    return new PlanMetadata(costs, bullets);
  }

  private static Optional<PlanCost> cost(JsonNode node) {
    var unit = node.path("unit");
    var amount = node.path("amount");
    if (!unit.isTextual() || !amount.isObject()) {
      return Optional.empty();
    }
    var amounts = new TreeMap<String, BigDecimal>();
    amount
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNumber()) {
                amounts.put(e.getKey().toUpperCase(Locale.ROOT), e.getValue().decimalValue());
              }
            });
    return amounts.isEmpty() ? Optional.empty() : Optional.of(new PlanCost(amounts, unit.asText()));
  }

  private static Optional<String> text(JsonNode metadata, String field) {
    return textOf(metadata.path(field));
  }

  private static Optional<String> textOf(JsonNode value) {
    return value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }
}
