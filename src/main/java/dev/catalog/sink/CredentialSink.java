package dev.catalog.sink;

import dev.catalog.SensitiveJson;
import dev.catalog.state.Address;
import dev.catalog.state.SinkDescription;
import java.util.Optional;

/**
 * One place a binding's credentials are kept. Every method names the binding so that messages (and
 * the Secret's owner annotation) say whose credentials they are.
 */
public interface CredentialSink {
  /** Where this sink writes, as state records it. */
  SinkDescription description();

  /**
   * Writes {@code credentials}, replacing what an earlier delivery of the same binding wrote.
   *
   * @throws dev.catalog.CatalogException when the target cannot be written, or (for a Secret) is
   *     not owned by {@code binding}; the message never contains credential values
   */
  void write(Address binding, SensitiveJson credentials);

  /** The credentials as stored in the sink (after any transforms), or empty when it is gone. */
  Optional<SensitiveJson> read(Address binding);

  /** Removes the delivered credentials; succeeds when they are already gone. */
  void delete(Address binding);
}
