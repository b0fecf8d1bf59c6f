package dev.catalog.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * What binding one file needs: where the file is (relative {@code fromFile}, {@code caFile} and
 * credentials file paths are resolved against its directory) and where problems go.
 */
record ReadContext(
    String file, Path directory, Diagnostics diagnostics, LocationKeys locationKeys) {
  ReadContext(String file, Path directory, Diagnostics diagnostics) {
    this(file, directory, diagnostics, new LocationKeys());
  }

  /** An immutable copy of {@code locations}, sharing its keys with the other resources'. */
  Map<String, Location> locations(Map<String, Location> locations) {
    return locationKeys.copyOf(locations);
  }

  /** A path written in the YAML, resolved against the YAML file's directory. */
  Path resolve(String written) {
    var path = Path.of(written);
    return path.isAbsolute() || directory == null ? path : directory.resolve(path);
  }
}
