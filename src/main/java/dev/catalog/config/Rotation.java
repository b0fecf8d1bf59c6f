package dev.catalog.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A binding's rotation policy, {@code rotation: { every: 30d, overlap: 1h }} (issue 14): a binding
 * older than {@code every} is replaced create-before-destroy, and the old one stays bound for
 * {@code overlap} after its successor delivered.
 *
 * @param every the age at which a binding is rotated
 * @param overlap how long the replaced binding stays bound; zero unbinds it in the same apply
 */
public record Rotation(Duration every, Duration overlap) {
  public Rotation {
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(overlap, "overlap");
  }
}
