package dev.catalog.plan;

import dev.catalog.state.BindingState;

/**
 * Looks at the sink a binding's credentials were delivered to, for sink drift (issue 13). The plan
 * package reads no Secret or file itself: the command that plans hands it one, built on the {@code
 * sink} package.
 */
@FunctionalInterface
public interface SinkInspector {
  /**
   * What {@code recorded}'s sink holds now; never throws for a sink that cannot be read (that is
   * {@link SinkObservation.Kind#FAILED}).
   *
   * @param lineage the state's lineage, from which the default fingerprint key derives
   */
  SinkObservation observe(String lineage, BindingState recorded);
}
