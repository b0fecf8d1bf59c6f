package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.plan.CatalogLock;
import dev.catalog.plan.CatalogLockCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where {@code catalog.lock.json} is: beside the (first) configuration file, or in its folder. */
final class LockFiles {
  private LockFiles() {}

  static Path path(ConfigOptions config) {
    var first = config.files().get(0).toAbsolutePath();
    var dir = Files.isDirectory(first) ? first : first.getParent();
    return dir.resolve(CatalogLock.FILE_NAME);
  }

  /** The lock file, if there is one. */
  static Optional<CatalogLock> read(ConfigOptions config) {
    var file = path(config);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          CatalogLockCodec.read(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
    } catch (IOException e) {
      throw new CatalogException("cannot read " + file + ": " + e.getMessage());
    }
  }

  static void write(ConfigOptions config, CatalogLock lock) {
    var file = path(config);
    try {
      Files.writeString(file, CatalogLockCodec.write(lock), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CatalogException("cannot write " + file + ": " + e.getMessage());
    }
  }
}
