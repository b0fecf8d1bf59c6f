package dev.catalog.state;

import dev.catalog.CatalogException;
import dev.catalog.state.backend.StateBackend;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Reads and writes the state through a backend: decodes, keeps the lineage, bumps the serial only
 * when content changes and writes with compare-and-swap against the version that was read.
 */
public final class StateStore {
  /** Where a state that could not be written is saved, beside the configuration. */
  public static final String ERRORED_FILE = "errored.catalog.state.json";

  private final StateBackend backend;
  private final StateCodec codec;
  private final String toolVersion;
  private final Supplier<UUID> newLineage;

  public StateStore(
      StateBackend backend, StateCodec codec, String toolVersion, Supplier<UUID> newLineage) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    this.newLineage = Objects.requireNonNull(newLineage, "newLineage");
  }

  /** A store with random lineages for new states. */
  public StateStore(StateBackend backend, String toolVersion) {
    this(backend, new StateCodec(), toolVersion, UUID::randomUUID);
  }

  /** The backend behind this store. */
  public StateBackend backend() {
    return backend;
  }

  /** The codec this store writes with. */
  public StateCodec codec() {
    return codec;
  }

  /** The current state, or an empty serial-0 state of a new lineage when none exists. */
  public Snapshot read() {
    return read(resource -> {});
  }

  /**
   * The current state, as {@link #read()}, handing resources to {@code decoded} as they are
   * decoded (see {@link StateCodec#decode(java.io.InputStream, String, Consumer)}).
   */
  public Snapshot read(Consumer<ResourceState> decoded) {
    // Streamed: the local backend then never holds the whole document (issue 7).
    var stored = backend.read(content -> codec.decode(content, backend.identity(), decoded));
    if (stored.isEmpty()) {
      return new Snapshot(State.empty(newLineage.get(), toolVersion), Optional.empty());
    }
    return new Snapshot(stored.get().value(), Optional.of(stored.get().version()));
  }

  /**
   * Writes {@code next} over {@code base} with compare-and-swap. Nothing is written, and the serial
   * stays, when the content is unchanged and the state already exists.
   *
   * @throws dev.catalog.state.backend.StateConflictException when someone wrote since {@code base}
   */
  public Snapshot write(Snapshot base, State next) {
    if (!next.lineage().equals(base.state().lineage())) {
      throw new IllegalArgumentException("a write must keep the lineage of the state it follows");
    }
    if (base.exists() && next.sameContent(base.state())) {
      return base;
    }
    var numbered = next.withSerial(base.state().serial() + 1, toolVersion);
    return store(base, numbered, ChangeSummary.between(base.state(), numbered));
  }

  /** Reads, applies {@code change} and writes the result. */
  public Snapshot update(UnaryOperator<State> change) {
    var base = read();
    return write(base, change.apply(base.state()));
  }

  /**
   * Replaces the state with {@code pushed} ({@code catalog state push}). Refuses another lineage or
   * a lower serial unless {@code force}; the written serial is above both.
   */
  public Snapshot replace(Snapshot base, State pushed, boolean force) {
    checkReplace(base, pushed, force);
    var current = base.state();
    var serial = Math.max(pushed.serial(), current.serial() + 1);
    var numbered =
        new State(pushed.lineage(), serial, toolVersion, pushed.brokers(), pushed.resources());
    return store(base, numbered, "push state (serial " + serial + ")");
  }

  /** Fails as {@link #replace} would, without writing. */
  public void checkReplace(Snapshot base, State pushed, boolean force) {
    var current = base.state();
    if (base.exists() && !force) {
      if (!pushed.lineage().equals(current.lineage())) {
        throw new CatalogException(
            "the pushed state has lineage "
                + pushed.lineage()
                + " but the stored state has "
                + current.lineage()
                + ": it is another state; use --force to replace it anyway");
      }
      if (pushed.serial() < current.serial()) {
        throw new CatalogException(
            "the pushed state has serial "
                + pushed.serial()
                + ", lower than the stored serial "
                + current.serial()
                + ": it is older; use --force to replace it anyway");
      }
    }
  }

  private Snapshot store(Snapshot base, State numbered, String summary) {
    var version = backend.write(codec.encode(numbered), base.version(), summary);
    return new Snapshot(numbered, Optional.of(version));
  }

  /**
   * Like {@link #write}, but when the write fails the state is saved to {@code dir}/{@value
   * #ERRORED_FILE} so it is not lost, and the error says how to push it.
   */
  public Snapshot writeOrSave(Snapshot base, State next, Path dir) {
    try {
      return write(base, next);
    } catch (RuntimeException e) {
      var numbered = next.withSerial(base.state().serial() + 1, toolVersion);
      var encoded = codec.encode(numbered);
      var errored = dir.resolve(ERRORED_FILE);
      try {
        PrivateFiles.write(errored, encoded, "the errored state", "");
      } catch (CatalogException notBeside) {
        // A Pod mounts its configuration read-only: the state must still not be lost (issue 19).
        errored = Path.of(System.getProperty("java.io.tmpdir")).resolve(ERRORED_FILE);
        try {
          PrivateFiles.write(errored, encoded, "the errored state", "");
        } catch (CatalogException io) {
          e.addSuppressed(notBeside);
          e.addSuppressed(io);
          throw new CatalogException(
              "failed to write state to "
                  + backend.identity()
                  + ": "
                  + e.getMessage()
                  + "; saving it failed too: "
                  + notBeside.getMessage()
                  + "; "
                  + io.getMessage()
                  + "; make one of these directories writable",
              e);
        }
      }
      throw new CatalogException(
          "failed to write state to "
              + backend.identity()
              + ": "
              + e.getMessage()
              + "\nThe new state was saved to "
              + errored
              + ". Once the backend is reachable, "
              + "push it with: catalog state push "
              + errored,
          e);
    }
  }
}
