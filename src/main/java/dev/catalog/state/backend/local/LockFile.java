package dev.catalog.state.backend.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * OS locks on regions of the {@code .lock} file beside the state: byte 0 is the user-visible state
 * lock, byte 1 serialises compare-and-swap writes. {@code force-unlock} deletes the file, so a lock
 * only counts when the path still names the file that was locked.
 */
final class LockFile {
  static final long STATE_REGION = 0;
  static final long WRITE_REGION = 1;

  private LockFile() {}

  /** A lock and the channel it was taken on. */
  record Held(FileChannel channel, FileLock lock) {}

  /** Tries once; a null lock when another process (or another channel in this JVM) holds it. */
  static Held tryLock(Path path, long region) throws IOException {
    while (true) {
      var before = key(path, true);
      FileChannel channel;
      try {
        channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
      } catch (NoSuchFileException deletedMeanwhile) {
        continue;
      }
      FileLock lock;
      try {
        lock = channel.tryLock(region, 1, false);
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      // The file opened is the one named before opening and still named after locking, or a
      // force-unlock replaced it meanwhile and the lock is on a deleted file: try again.
      if (before != null && Objects.equals(before, key(path, false))) {
        return new Held(channel, lock);
      }
      channel.close();
    }
  }

  /** Blocks until the region is locked (another JVM thread holding it: polls). */
  static Held lock(Path path, long region) throws IOException {
    while (true) {
      var held = tryLock(path, region);
      if (held.lock() != null) {
        return held;
      }
      held.channel().close();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + path, e);
      }
    }
  }

  private static Object key(Path path, boolean create) throws IOException {
    if (create) {
      try {
        // Owner-only like the state: the lock names who holds it and for what.
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.createFile(
              path,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
          Files.createFile(path);
        }
      } catch (FileAlreadyExistsException exists) {
        // Someone else's lock file, or ours from before: both fine.
      }
    }
    try {
      return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
