package dev.catalog.config;

import java.util.Objects;

/**
 * A change to the credential keys before they are written to a Kubernetes Secret, after the
 * Kubernetes Service Catalog's {@code secretTransforms}. Applied in the order written.
 */
public sealed interface KeyTransform {
  /** {@code renameKey: {from, to}}: store credential {@code from} under key {@code to}. */
  record RenameKey(String from, String to) implements KeyTransform {
    public RenameKey {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** {@code addKey: {key, value}}: add a fixed key (not a secret; written in the YAML). */
  record AddKey(String key, String value) implements KeyTransform {
    public AddKey {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code removeKey: KEY}: drop a credential. */
  record RemoveKey(String key) implements KeyTransform {
    public RemoveKey {
      Objects.requireNonNull(key, "key");
    }
  }

  /** {@code jsonKey: KEY}: also store the whole credentials object, as JSON, under KEY. */
  record JsonKey(String key) implements KeyTransform {
    public JsonKey {
      Objects.requireNonNull(key, "key");
    }
  }
}
