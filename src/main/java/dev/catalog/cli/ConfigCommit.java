package dev.catalog.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The Git commit the configuration is checked out at, recorded in saved plans. */
final class ConfigCommit {
  private ConfigCommit() {}

  /** HEAD of the work tree containing {@code path}, if it is in one. */
  static Optional<String> of(Path path) {
    JGitConfigFiles.install();
    var start = path.toAbsolutePath().normalize();
    var builder = new FileRepositoryBuilder().findGitDir(start.toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try (var repository = builder.build()) {
      var head = repository.resolve("HEAD");
      return Optional.ofNullable(head).map(h -> h.name());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
