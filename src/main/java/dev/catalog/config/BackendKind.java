package dev.catalog.config;

import dev.catalog.CatalogException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The kinds of state backend a {@code backend:} block or {@code --backend} may name, with the
 * settings each accepts. The loader checks the YAML against this table; the CLI opens the backend
 * of the chosen kind.
 */
public enum BackendKind {
  LOCAL("local", "path"),
  GIT(
      "git",
      "url",
      "branch",
      "path",
      "author",
      "token",
      "tokenEnv",
      "tokenFile",
      "sshKeyFile",
      "caFile",
      "cacheDir",
      "connectTimeout",
      "requestTimeout"),
  CONFIGMAP(
      "configmap",
      "namespace",
      "name",
      "kubeconfig",
      "context",
      "leaseDurationSeconds",
      "connectTimeout",
      "requestTimeout");

  private final String wireName;
  private final List<String> settings;

  BackendKind(String wireName, String... settings) {
    this.wireName = wireName;
    this.settings = List.copyOf(new TreeSet<>(Arrays.asList(settings)));
  }

  /** The name written in YAML and on the command line: {@code local}, {@code git}, ... */
  public String wireName() {
    return wireName;
  }

  /** The settings this kind accepts, sorted (for hints and messages). */
  public List<String> settings() {
    return settings;
  }

  /** The kind of that name, if there is one. */
  public static Optional<BackendKind> named(String wireName) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst();
  }

  /**
   * The kind of that name.
   *
   * @throws CatalogException naming the kinds there are
   */
  public static BackendKind parse(String wireName) {
    return named(wireName)
        .orElseThrow(
            () ->
                new CatalogException(
                    "unknown state backend type '" + wireName + "': use one of " + wireNames()));
  }

  /** Every kind's name, sorted. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(BackendKind::wireName).sorted().toList();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
