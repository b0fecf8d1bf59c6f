package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalog init}: writes a commented starter catalog.yaml with a backend block. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Write a commented starter catalog.yaml (never over an existing file without --force).")
final class InitCommand implements Callable<Integer> {
  /** State backends the starter file can be written for (PRODUCT.md section 3). */
  enum BackendType {
    local,
    git,
    configmap
  }

  @Option(
      names = {"-f", "--file"},
      defaultValue = "catalog.yaml",
      description = "File to write (default: ${DEFAULT-VALUE}).")
  Path file;

  @Option(
      names = "--backend",
      defaultValue = "local",
      description =
          "State backend block to write: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  BackendType backend;

  @Option(names = "--force", description = "Overwrite the file if it exists.")
  boolean force;

  @Spec CommandSpec spec;

  private final CliEnvironment env;

  InitCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    String text = starter().replace("@BACKEND@", backendBlock(backend));
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      if (force) {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      } else {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      }
    } catch (FileAlreadyExistsException e) {
      throw new CatalogException(file + " already exists; use --force to overwrite it");
    } catch (IOException e) {
      throw new CatalogException("cannot write " + file + ": " + IoErrors.reason(e));
    }
    var ignore = file.toAbsolutePath().resolveSibling(".gitignore");
    var ignoreWritten = GitIgnore.update(ignore);
    if (!GlobalOptions.quietRequested(spec)) {
      var also = ignoreWritten ? " and " + file.resolveSibling(".gitignore").normalize() : "";
      env.err()
          .println("Wrote " + file + also + ". Check it with: catalog validate -f " + file);
      env.err().flush();
    }
    return ExitCode.OK;
  }

  static String backendBlock(BackendType type) {
    return switch (type) {
      case local ->
          """
backend:
  type: local
  path: catalog.state.json      # beside this file; the previous one is kept as .backup""";
      case git ->
          """
          backend:
            type: git
            url: https://git.example.com/platform/state.git   # file, HTTPS or SSH remote
            branch: main
            path: catalog/state.json
            token: { fromEnv: GIT_TOKEN } # HTTPS token from this environment variable""";
      case configmap ->
          """
          backend:
            type: configmap
            namespace: catalog            # apply state-backends/configmap/rbac.yaml there first
            name: catalog-state           # the lock is the Lease catalog-state-lock""";
    };
  }

  private static String starter() {
    try (InputStream in = InitCommand.class.getResourceAsStream("starter-catalog.yaml")) {
      if (in == null) {
        throw new IllegalStateException("starter-catalog.yaml is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
