package dev.catalog.apply;

import dev.catalog.CatalogException;
import dev.catalog.state.Address;
import dev.catalog.state.SinkDescription;

/** What {@code catalog import} tells the user: its summary lines and the error of an absent id. */
final class ImportMessages {
  private ImportMessages() {}

  /**
   * The summary of an import whose resource could not be read back.
   *
   * @param kind {@code instances} or {@code bindings}
   * @param recorded what was recorded from the configuration instead, as a clause
   */
  static String unverified(
      Address address, String id, String service, String broker, String kind, String recorded) {
    return "Imported "
        + address
        + " (id "
        + id
        + ") unverified: service \""
        + service
        + "\" of broker "
        + broker
        + " does not allow reading "
        + kind
        + " back ("
        + kind
        + "_retrievable is false), so "
        + recorded
        + ".";
  }

  /** The broker answered 404 to the read: nothing is recorded. */
  static CatalogException absent(Address address, String broker, String what, String hint) {
    return new CatalogException(
        address
            + ": broker \""
            + broker
            + "\" has no "
            + what
            + " (404: absent, or still being "
            + hint
            + "); state is unchanged");
  }

  static String describe(SinkDescription sink) {
    if (sink instanceof SinkDescription.KubernetesSecret s) {
      return "Secret "
          + s.namespace()
          + "/"
          + s.name()
          + s.context().map(c -> " of context \"" + c + "\"").orElse("");
    }
    return "file " + ((SinkDescription.File) sink).path();
  }
}
