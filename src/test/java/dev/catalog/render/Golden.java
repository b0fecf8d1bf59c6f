package dev.catalog.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with {@code src/test/resources/dev/catalog/render/NAME.golden}. Run with {@code
 * -Dgolden.update=true} to rewrite the files after an intended change, then review the diff.
 */
final class Golden {
  private static final Path DIR = Path.of("src/test/resources/dev/catalog/render");

  private Golden() {}

  /** Where the build runs: file sinks show absolute paths, which differ by clone. */
  private static final String CWD = Path.of("").toAbsolutePath().toString();

  static void assertMatches(String name, String output) {
    var file = DIR.resolve(name + ".golden");
    var actual = output.replace(CWD, "$CWD");
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(DIR);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "golden file "
              + file
              + " is missing: run with"
              + " -Dgolden.update=true once to create it",
          e);
    }
  }
}
