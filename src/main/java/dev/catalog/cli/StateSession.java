package dev.catalog.cli;

import dev.catalog.CatalogException;
import dev.catalog.state.HeldLock;
import dev.catalog.state.PrivateFiles;
import dev.catalog.state.Sleeper;
import dev.catalog.state.Snapshot;
import dev.catalog.state.State;
import dev.catalog.state.StateLocker;
import dev.catalog.state.StateStore;
import dev.catalog.state.backend.BackendFactory;
import dev.catalog.state.backend.StateBackend;
import dev.catalog.state.backend.StateReadOnlyException;
import dev.catalog.state.backend.local.LocalBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One command's access to state: the backend chosen by {@link BackendOptions}, a store over it, the
 * lock around mutations and the backup every mutating command keeps.
 */
final class StateSession implements AutoCloseable {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final CliEnvironment env;
  private final BackendOptions options;
  private final StateBackend backend;
  private final StateStore store;
  private final Path baseDir;
  private final Clock clock;

  StateSession(
      CliEnvironment env, BackendOptions options, BackendOptions.Choice choice, Path baseDir) {
    this.env = env;
    this.options = options;
    this.baseDir = baseDir;
    this.backend =
        BackendFactory.open(
            choice.type(), choice.settings(), baseDir, env.env(), env.redactor());
    backend.warnings().forEach(warning -> env.err().println("Warning: " + warning));
    this.store = new StateStore(backend, VersionProvider.version());
    this.clock = Clock.systemUTC();
  }

  /**
   * Opens the backend the YAML {@code backend:} block names, with flags overriding it. The YAML is
   * read when {@code -f} names it or the default {@code catalog.yaml} exists, and not at all under
   * {@code --state} (so a broken configuration does not lock you out of your state).
   */
  static StateSession open(CliEnvironment env, BackendOptions options, ConfigOptions config) {
    var cwd = Path.of("").toAbsolutePath();
    var files = config.files();
    var implicitDefault =
        files.equals(List.of(Path.of(ConfigOptions.DEFAULT_FILE)))
            && !Files.exists(Path.of(ConfigOptions.DEFAULT_FILE));
    if (options.state != null || implicitDefault) {
      return new StateSession(env, options, options.choose(), cwd);
    }
    var backend = config.load(env).backend();
    var choice = options.choose(backend.type(), backend.settings());
    var baseDir = choice.type().equals(backend.type()) ? backend.directory() : cwd;
    return new StateSession(env, options, choice, baseDir.toAbsolutePath());
  }

  StateStore store() {
    return store;
  }

  StateBackend backend() {
    return backend;
  }

  /**
   * Locks (unless {@code --lock=false}), reads, backs up, applies {@code change} and writes; a
   * failed write saves the state to the errored file. Returns the state before and after.
   */
  Snapshot mutate(String operation, UnaryOperator<State> change) {
    try (var lock = lock(operation)) {
      var before = store.read();
      if (!before.exists()) {
        throw new CatalogException("no state at " + backend.identity());
      }
      var after = change.apply(before.state());
      if (after.sameContent(before.state())) {
        return before;
      }
      backup(before);
      return store.writeOrSave(before, after, backupDir());
    }
  }

  /** Takes the state lock for {@code operation}, or a no-op handle under --lock=false. */
  AutoCloseable0 lock(String operation) {
    if (!options.lock()) {
      return () -> {};
    }
    var locker =
        new StateLocker(
            store, clock, Sleeper.SYSTEM, StateLocker.currentHolder(), VersionProvider.version());
    HeldLock held;
    try {
      held = locker.acquire(operation, options.lockTimeout());
    } catch (StateReadOnlyException readOnly) {
      if (!operation.equals("plan")) {
        throw readOnly;
      }
      // A plan writes nothing, so a read-only token (PR plans) may plan without the lock; the
      // apply that follows takes it with a token that can write (docs/state.md).
      env.err()
          .println(
              "Warning: "
                  + readOnly.getMessage()
                  + ". The plan goes on without the lock: it writes nothing, but it may see a"
                  + " state another run is changing. Apply needs credentials that can push.");
      return () -> {};
    }
    return held::close;
  }

  /**
   * Keeps the state as it was before {@code state rm|mv|push} or {@code import} and says where: a
   * timestamped file beside a local state file; a remote backend keeps it itself (Git history, a
   * backup ConfigMap), so nothing is written beside the configuration (issue 19).
   */
  void backup(Snapshot before) {
    if (!(backend instanceof LocalBackend local)) {
      keepPrevious(before)
          .ifPresent(where -> env.err().println("The previous state is kept in " + where));
      return;
    }
    var file =
        local
            .file()
            .resolveSibling(
                "catalog.state."
                    + STAMP.format(clock.instant())
                    + "-"
                    + before.state().serial()
                    + ".backup.json");
    PrivateFiles.write(
        file,
        store.codec().encode(before.state()),
        "the state backup",
        "; make " + file.getParent() + " writable");
    env.err().println("Backup of the previous state: " + file);
  }

  /**
   * Keeps one previous state before an apply: the local backend keeps {@code .backup} on every
   * write by itself, Git has history, the configmap backend writes its backup ConfigMap.
   */
  Optional<String> keepPrevious(Snapshot before) {
    if (backend instanceof LocalBackend) {
      return Optional.empty();
    }
    return backend.keepPrevious(store.codec().encode(before.state()), before.version());
  }

  /** Beside the local state file, else the configuration's directory. */
  Path backupDir() {
    return backend instanceof LocalBackend local ? local.file().getParent() : baseDir;
  }

  @Override
  public void close() {
    backend.close();
  }

  /** A closeable without checked exceptions. */
  interface AutoCloseable0 extends AutoCloseable {
    @Override
    void close();
  }
}
