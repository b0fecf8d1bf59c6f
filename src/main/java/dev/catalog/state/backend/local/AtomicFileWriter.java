package dev.catalog.state.backend.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Replaces a file so that a crash at any point leaves the old or the new content: write a temp
 * file, fsync it, keep the old content as {@code .backup} the same way, rename over, fsync the
 * directory so the rename itself survives a power loss.
 */
final class AtomicFileWriter {
  private final Path file;
  private final Path backup;

  AtomicFileWriter(Path file) {
    this.file = file;
    this.backup = file.resolveSibling(file.getFileName() + ".backup");
  }

  /** Replaces the content and returns its digest. */
  String replace(byte[] content) throws IOException {
    if (Files.exists(file)) {
      var copy = temp();
      Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
      fsync(copy);
      Files.move(copy, backup, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    var next = temp();
    try (var channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
      var buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    fsync(file.getParent());
    return digest(content);
  }

  private Path temp() throws IOException {
    return Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
  }

  private static void fsync(Path path) throws IOException {
    try (var channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** The version token of some content: {@code sha256:HEX}. */
  static String digest(byte[] content) {
    try {
      var sha = MessageDigest.getInstance("SHA-256");
      return "sha256:" + HexFormat.of().formatHex(sha.digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
