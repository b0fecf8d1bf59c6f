package dev.catalog.state.backend.git;

import dev.catalog.CatalogException;
import dev.catalog.state.backend.LockInfo;
import dev.catalog.state.backend.LockInfoCodec;
import dev.catalog.state.backend.StateLockedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * The Git lock: a ref {@code refs/catalog/locks/...} pointing at a commit whose message is the
 * lock info. It is pushed only if absent (expected old id zero) and deleted on unlock only if it
 * still points at the holder's commit.
 */
final class GitLock {
  private final GitSettings settings;
  private final GitRemote remote;
  private final Supplier<String> identity;
  private final Supplier<PersonIdent> author;
  private final Map<String, ObjectId> held = new HashMap<>();

  GitLock(
      GitSettings settings,
      GitRemote remote,
      Supplier<String> identity,
      Supplier<PersonIdent> author) {
    this.settings = settings;
    this.remote = remote;
    this.identity = identity;
    this.author = author;
  }

  synchronized void lock(LockInfo info) {
    var commit = lockCommit(info);
    var update = remote.push(commit, settings.lockRef(), ObjectId.zeroId());
    if (update.getStatus() == RemoteRefUpdate.Status.OK) {
      held.put(info.id(), commit);
      return;
    }
    var holder = current().orElseGet(LockInfoCodec::unknown);
    throw new StateLockedException(
        LockInfoCodec.describe(identity.get(), holder)
            + "\nTo remove it by hand: git push " + settings.displayUrl() + " :"
            + settings.lockRef() + "  (or: catalog force-unlock " + holder.id() + ")",
        holder);
  }

  synchronized void unlock(String lockId) {
    var commit = held.remove(lockId);
    if (commit == null) {
      return;
    }
    var update = remote.push(null, settings.lockRef(), commit);
    switch (update.getStatus()) {
      case OK, NON_EXISTING:
        return;
      case REJECTED_REMOTE_CHANGED:
        // Someone force-unlocked it and another run holds it now: it is not ours to delete.
        return;
      default:
        throw new CatalogException(
            "cannot delete lock " + settings.lockRef() + " at " + settings.displayUrl() + " ("
                + update.getStatus() + (update.getMessage() == null ? "" : ": " + update.getMessage())
                + "); remove it by hand: git push " + settings.displayUrl() + " :"
                + settings.lockRef());
    }
  }

  synchronized Optional<LockInfo> current() {
    var id = remote.fetch(settings.lockRef());
    if (id == null) {
      return Optional.empty();
    }
    return Optional.of(read(id));
  }

  synchronized void forceUnlock(String lockId) {
    var id = remote.fetch(settings.lockRef());
    if (id == null) {
      throw new CatalogException("state " + identity.get() + " is not locked");
    }
    var info = read(id);
    if (!info.id().equals(lockId)) {
      throw new CatalogException(
          "lock id " + lockId + " does not match the lock on state " + identity.get() + " (id "
              + info.id() + ", held by " + info.holder() + "); nothing was released");
    }
    var update = remote.push(null, settings.lockRef(), id);
    if (update.getStatus() != RemoteRefUpdate.Status.OK) {
      throw new CatalogException(
          "cannot delete " + settings.lockRef() + " at " + settings.displayUrl() + " ("
              + update.getStatus() + "); remove it by hand: git push " + settings.displayUrl()
              + " :" + settings.lockRef());
    }
    held.remove(lockId);
  }

  private LockInfo read(ObjectId commit) {
    try (var walk = new RevWalk(remote.cache())) {
      var message = walk.parseCommit(commit).getFullMessage();
      return LockInfoCodec.decode(message.getBytes(StandardCharsets.UTF_8))
          .orElseGet(LockInfoCodec::unknown);
    } catch (IOException e) {
      throw new CatalogException("cannot read lock " + settings.lockRef() + ": " + e.getMessage(), e);
    }
  }

  private ObjectId lockCommit(LockInfo info) {
    try (var inserter = remote.cache().newObjectInserter()) {
      var builder = new CommitBuilder();
      builder.setTreeId(inserter.insert(new TreeFormatter()));
      builder.setAuthor(author.get());
      builder.setCommitter(author.get());
      builder.setMessage(new String(LockInfoCodec.encode(info), StandardCharsets.UTF_8));
      var id = inserter.insert(builder);
      inserter.flush();
      return id;
    } catch (IOException e) {
      throw new CatalogException("cannot create lock commit: " + e.getMessage(), e);
    }
  }
}
