package dev.catalog.config;

import java.nio.file.Path;

/**
 * What binding one file needs: where the file is (relative {@code fromFile}, {@code caFile} and
 * credentials file paths are resolved against its directory) and where problems go.
 */
record ReadContext(String file, Path directory, Diagnostics diagnostics) {
  /** A path written in the YAML, resolved against the YAML file's directory. */
  Path resolve(String written) {
    var path = Path.of(written);
    return path.isAbsolute() || directory == null ? path : directory.resolve(path);
  }
}
