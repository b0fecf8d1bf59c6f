package dev.catalog.osb.model;

import java.util.Objects;
import java.util.Optional;

/** A plan's maintenance_info: only {@code version} (semver) is compared (checklist C-10). */
public record MaintenanceInfo(String version, Optional<String> description) {
  public MaintenanceInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(description, "description");
  }
}
