package dev.catalog.osb.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The presentation part of an offering's {@code metadata} (OSB profile): what a marketplace shows
 * besides the name and description. Absent or non-text values are empty.
 */
public record OfferingMetadata(
    Optional<String> imageUrl,
    Optional<String> longDescription,
    Optional<String> providerDisplayName,
    Optional<String> documentationUrl,
    Optional<String> supportUrl) {
  public static final OfferingMetadata NONE =
      new OfferingMetadata(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public OfferingMetadata {
    Objects.requireNonNull(imageUrl, "imageUrl");
    Objects.requireNonNull(longDescription, "longDescription");
    Objects.requireNonNull(providerDisplayName, "providerDisplayName");
    Objects.requireNonNull(documentationUrl, "documentationUrl");
    Objects.requireNonNull(supportUrl, "supportUrl");
  }
}
