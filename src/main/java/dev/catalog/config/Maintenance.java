package dev.catalog.config;

/** Whether an instance takes the broker's {@code maintenance_info} upgrades. */
public enum Maintenance {
  /** Plan an update whenever the plan's maintenance_info version moves. */
  AUTO,
  /** Keep the version the instance has; the default. */
  PINNED;

  /** The YAML spelling: {@code auto} or {@code pinned}. */
  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
