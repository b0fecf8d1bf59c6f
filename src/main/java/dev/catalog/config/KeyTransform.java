package dev.catalog.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A change to the credential keys before they are written to a sink, after the Kubernetes Service
 * Catalog's {@code secretTransforms}. Applied in the order written.
 */
public sealed interface KeyTransform {
  /** The key this transform writes, if it writes one: two transforms may not write the same. */
  Optional<String> writes();

  /** {@code renameKey: {from, to}}: store credential {@code from} under key {@code to}. */
  record RenameKey(String from, String to) implements KeyTransform {
    public RenameKey {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override
    public Optional<String> writes() {
      return Optional.of(to);
    }
  }

  /** {@code addKey: {key, value}}: add a fixed key (not a secret; written in the YAML). */
  record AddKey(String key, String value) implements KeyTransform {
    public AddKey {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Optional<String> writes() {
      return Optional.of(key);
    }
  }

  /**
   * {@code addKey: {key, fromPointer}}: add a key holding the value that an RFC 6901 JSON Pointer
   * selects in the credentials as the broker returned them (issue 13), like {@code /hosts/0/name}.
   * Evaluated against the broker's credentials, not the result of earlier transforms, so the order
   * of the list does not change what a pointer finds.
   *
   * @param pointer checked against RFC 6901 when the configuration is read
   */
  record AddKeyFromPointer(String key, String pointer) implements KeyTransform {
    public AddKeyFromPointer {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(pointer, "pointer");
    }

    @Override
    public Optional<String> writes() {
      return Optional.of(key);
    }
  }

  /** {@code removeKey: KEY}: drop a credential. */
  record RemoveKey(String key) implements KeyTransform {
    public RemoveKey {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public Optional<String> writes() {
      return Optional.empty();
    }
  }

  /** {@code jsonKey: KEY}: also store the whole credentials object, as JSON, under KEY. */
  record JsonKey(String key) implements KeyTransform {
    public JsonKey {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public Optional<String> writes() {
      return Optional.of(key);
    }
  }
}
