package dev.catalog.cli;

import dev.catalog.config.CatalogConfig;
import dev.catalog.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code -f/--file} option of every command that reads the desired state (a mixin). */
public final class ConfigOptions {
  /** The file read when {@code -f} is not given. */
  public static final String DEFAULT_FILE = "catalog.yaml";

  @Option(
      names = {"-f", "--file"},
      paramLabel = "PATH",
      description =
          "Configuration file or directory of *.yaml/*.yml files; repeat to merge several"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_FILE)
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description =
          "A YAML file of policies: (docs/policies.md), merged with the configuration; repeatable.")
  List<Path> policies = new ArrayList<>();

  /** The files and directories given, in order, then the policy files. */
  public List<Path> files() {
    var all = new ArrayList<>(files);
    all.addAll(policies);
    return List.copyOf(all);
  }

  /** Loads and validates the configuration, expanding {@code ${ENV}} from the CLI environment. */
  public CatalogConfig load(CliEnvironment env) {
    return new ConfigLoader(env.env()).load(files());
  }
}
