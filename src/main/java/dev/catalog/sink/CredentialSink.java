package dev.catalog.sink;

import dev.catalog.config.CredentialsTarget;
import dev.catalog.state.Address;
import dev.catalog.state.SinkDescription;
import java.util.Optional;

/**
 * One place a binding's credentials are kept. Every method names the binding so that messages (and
 * the Secret's owner annotation) say whose credentials they are.
 *
 * <p>Delivery is in two steps that other callers reuse (a sink move, a restore, a rotation): {@link
 * #shape} turns the broker's credentials into what the sink stores, and {@link #writeStored}
 * stores it. What is stored is also what {@link #read} returns, so content read from one sink can
 * be written to another sink of the same shaping as it is.
 */
public interface CredentialSink {
  /** Where this sink writes, as state records it. */
  SinkDescription description();

  /** The configured sink this one writes to (a recorded one has no transforms). */
  CredentialsTarget configuration();

  /**
   * The content this sink stores for {@code credentials}: after the transforms, as it reads back.
   *
   * @throws dev.catalog.CatalogException when a key cannot be stored (it names the key, never a
   *     value)
   */
  Credentials shape(Address binding, Credentials credentials);

  /**
   * Writes content already {@link #shape shaped} for a sink of this shaping, replacing what an
   * earlier delivery of the same binding wrote.
   *
   * @throws dev.catalog.CatalogException when the target cannot be written, or (for a Secret) is
   *     not owned by {@code binding}; the message never contains credential values
   */
  void writeStored(Address binding, Credentials stored);

  /** Shapes and writes {@code credentials}. */
  default void write(Address binding, Credentials credentials) {
    writeStored(binding, shape(binding, credentials));
  }

  /** The credentials as stored in the sink (after any transforms), or empty when it is gone. */
  Optional<Credentials> read(Address binding);

  /** What the sink holds now, without failing on a sink that is gone or not catalog's. */
  SinkContent inspect(Address binding);

  /** Removes the delivered credentials; succeeds when they are already gone. */
  void delete(Address binding);
}
