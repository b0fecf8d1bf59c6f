package dev.catalog.state.backend.configmap;

import dev.catalog.CatalogException;
import dev.catalog.RemoteLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where the configmap backend keeps state, read from the {@code backend:} block.
 *
 * @param namespace the namespace; empty: the kubeconfig context's namespace, else {@code default}
 * @param name the head ConfigMap's name; the lock Lease is {@code <name>-lock}
 * @param kubeconfig a kubeconfig file; empty: {@code KUBECONFIG}, {@code ~/.kube/config} or the
 *     in-cluster service account, as kubectl finds them
 * @param context the kubeconfig context; empty: its current context
 * @param leaseDuration how long the lock stays valid without a heartbeat
 * @param limits how long to wait to connect and for each API call ({@code connectTimeout}, {@code
 *     requestTimeout})
 */
public record ConfigMapSettings(
    Optional<String> namespace,
    String name,
    Optional<Path> kubeconfig,
    Optional<String> context,
    Duration leaseDuration,
    RemoteLimits limits) {

  public static final String DEFAULT_NAME = "catalog-state";
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(60);

  private static final Set<String> KEYS =
      Set.of(
          "namespace",
          "name",
          "kubeconfig",
          "context",
          "leaseDurationSeconds",
          RemoteLimits.CONNECT_SETTING,
          RemoteLimits.REQUEST_SETTING);

  // Chunk names append "-chunk-" and 16 hex digits to the name; the lock appends "-lock".
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final int MAX_NAME = 253 - "-chunk-".length() - 16;
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /**
   * Reads backend settings; a relative {@code kubeconfig} is resolved against {@code baseDir} (the
   * directory of the configuration).
   *
   * @throws CatalogException naming an unknown key or a bad value
   */
  public static ConfigMapSettings parse(Map<String, String> settings, Path baseDir) {
    Set<String> unknown = new TreeSet<>(settings.keySet());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new CatalogException(
          "Unknown configmap backend setting '"
              + unknown.iterator().next()
              + "'; known settings: "
              + String.join(", ", new TreeSet<>(KEYS))
              + ".");
    }
    String name = settings.getOrDefault("name", DEFAULT_NAME);
    if (!NAME.matcher(name).matches() || name.length() > MAX_NAME) {
      throw new CatalogException(
          "configmap backend setting 'name' must be a lower-case DNS name of at most "
              + MAX_NAME
              + " characters, got '"
              + name
              + "'.");
    }
    Optional<String> namespace = optional(settings, "namespace");
    namespace.ifPresent(
        ns -> {
          if (!NAMESPACE.matcher(ns).matches() || ns.length() > 63) {
            throw new CatalogException(
                "configmap backend setting 'namespace' must be a lower-case DNS label of at most"
                    + " 63 characters, got '"
                    + ns
                    + "'.");
          }
        });
    Optional<Path> kubeconfig =
        optional(settings, "kubeconfig").map(path -> kubeconfig(path, baseDir));
    return new ConfigMapSettings(
        namespace,
        name,
        kubeconfig,
        optional(settings, "context"),
        leaseDuration(settings),
        RemoteLimits.fromBackendSettings(settings));
  }

  /** The name of the Lease that serves as the lock. */
  public String leaseName() {
    return name + "-lock";
  }

  /** Resolves {@code ~/} against the home directory and a relative path against baseDir. */
  private static Path kubeconfig(String path, Path baseDir) {
    if (path.equals("~") || path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"))
          .resolve(path.substring(1).replaceFirst("^/", ""));
    }
    return baseDir.resolve(path);
  }

  private static Duration leaseDuration(Map<String, String> settings) {
    String value = settings.get("leaseDurationSeconds");
    if (value == null) {
      return DEFAULT_LEASE_DURATION;
    }
    try {
      int seconds = Integer.parseInt(value.trim());
      if (seconds >= 1) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new CatalogException(
        "configmap backend setting 'leaseDurationSeconds' must be a whole number of seconds >= 1,"
            + " got '"
            + value
            + "'.");
  }

  private static Optional<String> optional(Map<String, String> settings, String key) {
    return Optional.ofNullable(settings.get(key)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
