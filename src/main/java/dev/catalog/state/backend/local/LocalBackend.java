package dev.catalog.state.backend.local;

import dev.catalog.CatalogException;
import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.LockInfoCodec;
import dev.catalog.state.backend.StateBackend;
import dev.catalog.state.backend.StateConflictException;
import dev.catalog.state.backend.StateLockedException;
import dev.catalog.state.backend.StoredState;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The default backend: {@code catalog.state.json} beside the configuration. The version token is
 * the length and two CRCs of the content ({@link AtomicFileWriter#digest}); writes are atomic renames under an OS lock, and the previous state is
 * kept as {@code catalog.state.json.backup}.
 */
public final class LocalBackend implements StateBackend {
  private final Path file;
  private final Path lockFile;
  private final AtomicFileWriter writer;
  private LockFile.Held held;
  private LockInfo heldInfo;

  public LocalBackend(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    this.writer = new AtomicFileWriter(this.file);
  }

  /** The state file. */
  public Path file() {
    return file;
  }

  @Override
  public String identity() {
    return "local:" + file;
  }

  @Override
  public Optional<StoredState> read() {
    try {
      var bytes = Files.readAllBytes(file);
      return Optional.of(new StoredState(bytes, AtomicFileWriter.digest(bytes)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CatalogException("cannot read state " + file + ": " + e.getMessage(), e);
    }
  }

  /** Streams the file, computing its version token from the very bytes the decoder reads. */
  @Override
  public <T> Optional<Decoded<T>> read(Function<InputStream, T> decoder) {
    try (var in = Files.newInputStream(file)) {
      var crc32 = new CRC32();
      var crc32c = new CRC32C();
      var counted = new CheckedStream(in, crc32, crc32c);
      var value = decoder.apply(counted);
      counted.transferTo(OutputStream.nullOutputStream());
      return Optional.of(
          new Decoded<>(value, AtomicFileWriter.digest(counted.length, crc32, crc32c)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CatalogException("cannot read state " + file + ": " + e.getMessage(), e);
    }
  }

  /** Counts and checksums what is read through it. */
  private static final class CheckedStream extends FilterInputStream {
    private final CRC32 crc32;
    private final CRC32C crc32c;
    private long length;

    CheckedStream(InputStream in, CRC32 crc32, CRC32C crc32c) {
      super(in);
      this.crc32 = crc32;
      this.crc32c = crc32c;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        crc32.update(b);
        crc32c.update(b);
        length++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
      int n = in.read(buffer, offset, count);
      if (n > 0) {
        crc32.update(buffer, offset, n);
        crc32c.update(buffer, offset, n);
        length += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Skipped bytes must still be checksummed.
      return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    /** The file is closed by {@link #read(Function)}, after the rest is checksummed. */
    @Override
    public void close() {}
  }

  @Override
  public String write(byte[] content, Optional<String> expected, String summary) {
    try {
      Files.createDirectories(file.getParent());
      var mutex = held != null ? null : LockFile.lock(lockFile, LockFile.WRITE_REGION);
      var regionLock =
          held != null ? held.channel().lock(LockFile.WRITE_REGION, 1, false) : mutex.lock();
      try {
        var current = read().map(StoredState::version);
        if (!current.equals(expected)) {
          throw new StateConflictException(
              "state "
                  + identity()
                  + " changed since it was read: expected version "
                  + expected.orElse("(no state)")
                  + ", found "
                  + current.orElse("(no state)")
                  + "; nothing was written, read it again and retry");
        }
        return writer.replace(content);
      } finally {
        regionLock.release();
        if (mutex != null) {
          mutex.channel().close();
        }
      }
    } catch (IOException e) {
      throw new CatalogException("cannot write state " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void lock(LockInfo info) {
    if (held != null) {
      throw new StateLockedException(LockInfoCodec.describe(identity(), heldInfo), heldInfo);
    }
    try {
      Files.createDirectories(lockFile.getParent());
      var attempt = LockFile.tryLock(lockFile, LockFile.STATE_REGION);
      if (attempt.lock() == null) {
        var holder = readInfo(attempt);
        attempt.channel().close();
        throw new StateLockedException(LockInfoCodec.describe(identity(), holder), holder);
      }
      var channel = attempt.channel();
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(LockInfoCodec.encode(info)), 0);
      channel.force(true);
      held = attempt;
      heldInfo = info;
    } catch (IOException e) {
      throw new CatalogException("cannot lock state " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void unlock(String lockId) {
    if (held == null || !heldInfo.id().equals(lockId)) {
      return;
    }
    try {
      // Never delete the file: a process that opened it already would lock a deleted file.
      held.channel().truncate(0);
      held.channel().force(true);
      held.lock().release();
      held.channel().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      held = null;
      heldInfo = null;
    }
  }

  @Override
  public synchronized Optional<LockInfo> currentLock() {
    if (held != null) {
      return Optional.of(heldInfo);
    }
    if (!Files.exists(lockFile)) {
      return Optional.empty();
    }
    try {
      var probe = LockFile.tryLock(lockFile, LockFile.STATE_REGION);
      try {
        // An OS lock dies with its process, so a free region means no holder, whatever the
        // file still says.
        return probe.lock() == null ? Optional.of(readInfo(probe)) : Optional.empty();
      } finally {
        probe.channel().close();
      }
    } catch (IOException e) {
      throw new CatalogException("cannot read lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void forceUnlock(String lockId) {
    var current =
        currentLock()
            .orElseThrow(() -> new CatalogException("state " + identity() + " is not locked"));
    if (!current.id().equals(lockId)) {
      throw new CatalogException(
          "lock id "
              + lockId
              + " does not match the lock on state "
              + identity()
              + " (id "
              + current.id()
              + ", held by "
              + current.holder()
              + "); nothing was released");
    }
    if (held != null) {
      unlock(lockId);
      return;
    }
    try {
      // The holder's OS lock stays on the deleted file; new lockers create a fresh one.
      Files.deleteIfExists(lockFile);
    } catch (IOException e) {
      throw new CatalogException("cannot remove lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  private static LockInfo readInfo(LockFile.Held attempt) throws IOException {
    var channel = attempt.channel();
    var buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
    channel.read(buffer, 0);
    return LockInfoCodec.decode(buffer.array()).orElseGet(LockInfoCodec::unknown);
  }

  @Override
  public synchronized void close() {
    // Locks are released by unlock; a lock still held here belongs to a caller that forgot it,
    // and the OS releases it when the process exits.
  }
}
