package dev.catalog.state.backend;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the state document is kept: a local file, a Git branch or a ConfigMap.
 *
 * <p>A backend stores the serialised state as opaque bytes; encoding, lineage and serial belong to
 * the state codec above it. Every write is a compare-and-swap against the version token of the read
 * it follows, so a lost race is a {@link StateConflictException} and never an overwrite.
 * Implementations are safe to call from one thread at a time; the apply recorder serialises writes.
 */
public interface StateBackend extends AutoCloseable {

  /** A short identity recorded in saved plans, e.g. {@code local:/work/catalog.state.json}. */
  String identity();

  /** Reads the current document, or empty when no state has been written yet. */
  Optional<StoredState> read();

  /**
   * Reads the current document as a stream handed to {@code decoder}, and returns what it made with
   * the version read (empty when no state exists). A backend that can stream (the local file) then
   * never holds the whole document: 178 MB for 100,000 instances (issue 7). By default, over {@link
   * #read()}.
   */
  default <T> Optional<Decoded<T>> read(Function<InputStream, T> decoder) {
    return read().map(s -> new Decoded<>(decoder.apply(s.contentStream()), s.version()));
  }

  /**
   * What a decoder made of a document, with the document's version token.
   *
   * @param value the decoded content
   * @param version the version token of exactly the bytes the decoder read
   */
  record Decoded<T>(T value, String version) {}

  /**
   * Writes {@code content} if the stored version is still {@code expected} (empty: no state exists
   * yet) and returns the new version token.
   *
   * @param summary what changed, e.g. {@code create instance.orders-db}; Git uses it in the commit
   *     message
   * @throws StateConflictException when the stored version is not {@code expected}; the message
   *     names both: {@code state IDENTITY changed since it was read: expected version E, found F}
   *     with {@code (no state)} for an absent one (the contract suite checks this)
   */
  String write(byte[] content, Optional<String> expected, String summary);

  /**
   * Keeps the state as it was before a command changed it, where this backend keeps such things,
   * and says where (issue 19: a remote backend needs nothing writable beside the configuration).
   * The local backend keeps {@code .backup} on every write and Git keeps history, so both only say
   * where; the configmap backend writes a backup ConfigMap.
   *
   * @param content the encoded state before the change
   * @param version its version token
   * @return where it is kept, for a message ("Git history, commit 3f2c..."), or empty if nowhere
   */
  default Optional<String> keepPrevious(byte[] content, Optional<String> version) {
    return Optional.empty();
  }

  /**
   * Takes the lock for {@code info.operation()}, failing at once if it is held; callers retry for
   * {@code --lock-timeout}.
   *
   * @throws StateLockedException naming the current holder, with the message of {@link
   *     LockInfoCodec#describe} (plus any backend-specific hint on how to remove it by hand)
   */
  void lock(LockInfo info);

  /** Releases the lock with this id; a no-op when it is not held by that id. */
  void unlock(String lockId);

  /** The current lock holder, if any. */
  Optional<LockInfo> currentLock();

  /**
   * Releases the lock whatever its holder, but only if its id is {@code lockId}.
   *
   * @throws dev.catalog.CatalogException when no lock is held ({@code state IDENTITY is not
   *     locked}) or the id differs ({@code lock id X does not match the lock on state IDENTITY (id
   *     Y, held by H); nothing was released})
   */
  void forceUnlock(String lockId);

  /** Warnings about how the backend was configured (deprecated settings), for stderr. */
  default java.util.List<String> warnings() {
    return java.util.List.of();
  }

  /** Releases connections and background heartbeats; does not unlock. */
  @Override
  void close();
}
