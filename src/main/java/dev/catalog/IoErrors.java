package dev.catalog;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The operating system's reason for a failed file operation, in words ("permission denied"), for
 * messages that name the path themselves. A JDK exception's own text is its class name and the path
 * ({@code java.nio.file.AccessDeniedException: /etc/x}), which says neither why nor what to do
 * (issue 19).
 */
public final class IoErrors {
  private IoErrors() {}

  /** Why {@code e} happened, without the path or any class name. */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it already exists";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(Locale.ROOT);
    }
    var message = e.getMessage();
    return message == null || message.isBlank() ? "input/output error" : message;
  }
}
