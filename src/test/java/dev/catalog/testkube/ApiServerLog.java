package dev.catalog.testkube;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The kube-apiserver's stderr, kept in a file, and the panics in it. A server that panicked on a
 * request may have answered it wrongly (issue 19: the reflect2 build corrupted memory and tests
 * passed or failed by chance), so a test during which the server logged a panic must fail.
 *
 * @param file where the wrapper appends the server's stderr
 */
public record ApiServerLog(Path file) {
  /** How many lines after a panic line are quoted (the start of its stack trace). */
  private static final int CONTEXT_LINES = 6;

  /**
   * Writes an executable that runs {@code apiserver} with its stderr appended to {@link #file()}.
   * kube-api-test sends the server's output to a logger; the file is what a test can read back.
   * stdout stays as it is ({@code --version} is read from there).
   */
  void writeWrapper(Path wrapper, Path apiserver) throws IOException {
    Files.writeString(wrapper, "#!/bin/sh\nexec '" + apiserver + "' \"$@\" 2>>'" + file + "'\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The log's current length: a test's panics are those after the length at its start. */
  public long length() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The panic lines written since {@code offset}, each with the first lines of its stack trace:
   * {@code Observed a panic} (a request handler's panic, recovered by the server) and Go's own
   * {@code panic:} / {@code fatal error:} lines.
   */
  public List<String> panicsSince(long offset) {
    List<String> lines = linesSince(offset);
    var found = new ArrayList<String>();
    for (int i = 0; i < lines.size(); i++) {
      if (isPanic(lines.get(i))) {
        found.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + CONTEXT_LINES))));
      }
    }
    return found;
  }

  static boolean isPanic(String line) {
    return line.contains("Observed a panic")
        || line.startsWith("panic: ")
        || line.startsWith("fatal error: ");
  }

  private List<String> linesSince(long offset) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (var in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.min(offset, in.length());
      byte[] bytes = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      return new String(bytes, UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
