package dev.catalog.apply;

import dev.catalog.state.Snapshot;
import dev.catalog.state.State;

/**
 * A compare-and-swap write of the whole state, like {@link dev.catalog.state.StateStore#write} (or
 * {@code writeOrSave}, which also saves the state to a file when the backend is unreachable).
 */
@FunctionalInterface
public interface StateWriter {
  /**
   * Writes {@code next} over {@code base}.
   *
   * @throws RuntimeException when the write failed; the state must then be treated as unknown
   */
  Snapshot write(Snapshot base, State next);
}
