package dev.catalog.plan;

import java.util.Locale;
import java.util.Objects;

/**
 * One difference between a live catalog and {@code catalog.lock.json}.
 *
 * @param kind what differs
 * @param subject {@code broker "data"}, {@code broker "data", service "db", plan "small"}
 * @param detail what changed, e.g. {@code 1.0.0 -> 1.1.0 (newer)}
 */
public record LockDifference(Kind kind, String subject, String detail) {
  /** The kinds, with their JSON name ({@link #code}). */
  public enum Kind {
    BROKER_NOT_LOCKED,
    CATALOG_CHANGED,
    SERVICE_REMOVED,
    PLAN_REMOVED,
    NOT_LOCKED,
    ID_CHANGED,
    SCHEMA_CHANGED,
    MAINTENANCE_INFO_CHANGED,
    FLAGS_CHANGED;

    /** {@code schema_changed}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public LockDifference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
  }

  /** {@code broker "data", service "db", plan "small": instance create schema changed}. */
  @Override
  public String toString() {
    return subject + ": " + detail;
  }
}
