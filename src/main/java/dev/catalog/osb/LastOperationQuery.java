package dev.catalog.osb;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code last_operation} poll sends: the offering (P-08) and the broker's {@code operation},
 * echoed verbatim; absent means no {@code operation} parameter (P-07).
 */
public record LastOperationQuery(OfferingIds offering, Optional<String> operation) {
  public LastOperationQuery {
    Objects.requireNonNull(offering, "offering");
    Objects.requireNonNull(operation, "operation");
  }
}
