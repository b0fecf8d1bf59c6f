package dev.catalog.state;

import dev.catalog.CatalogException;
import dev.catalog.IoErrors;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files that hold state (backups, an errored state, a saved plan) the way the state file
 * itself is written: readable by the owner only ({@code 0600}, whatever the umask), complete or not
 * there at all. A state's descriptions and ids are no one else's business (issue 19: timestamped
 * backups were written {@code 0644} beside a {@code 0600} state).
 */
public final class PrivateFiles {
  private PrivateFiles() {}

  /**
   * Writes {@code content} to {@code file}, replacing it.
   *
   * @param what what the file is, for the message ("the state backup")
   * @param hint what to do if it cannot be written, appended to the message; may be empty
   * @throws CatalogException naming the file and the operating system's reason
   */
  public static void write(Path file, byte[] content, String what, String hint) {
    var dir = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      // createTempFile makes the file 0600 from the start, so no one can open it in between.
      temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
      Files.write(temp, content);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      deleteQuietly(temp);
      var reason =
          Files.isDirectory(dir) ? IoErrors.reason(e) : "the directory " + dir + " does not exist";
      throw new CatalogException("cannot write " + what + " " + file + ": " + reason + hint, e);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // The write failed already; that error is the one to report.
    }
  }
}
