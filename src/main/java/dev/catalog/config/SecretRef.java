package dev.catalog.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a secret value comes from. The configuration holds only the reference; {@link
 * SecretResolver} reads the value when a command needs it, so {@code validate} never does.
 *
 * <p>{@link Literal} exists for fields that may be written inline because they are not secret (a
 * basic-auth username); the loader never accepts it for a password, token or parametersFrom.
 */
public sealed interface SecretRef {
  /** The field path of the reference, like {@code brokers[0].auth.basic.password}. */
  String field();

  /** Where the reference was written. */
  Location location();

  /** How the reference reads to a user, without any value: {@code fromEnv ACME_PASSWORD}. */
  String describe();

  /** {@code {fromEnv: NAME}}: an environment variable of the catalog process. */
  record FromEnv(String name, String field, Location location) implements SecretRef {
    public FromEnv {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "fromEnv " + name;
    }
  }

  /**
   * {@code {fromFile: PATH}}: a file's content with one trailing newline removed.
   *
   * @param path the file, resolved against the directory of the YAML file it was written in
   * @param written the path as written in the YAML, for messages
   */
  record FromFile(Path path, String written, String field, Location location) implements SecretRef {
    public FromFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(written, "written");
    }

    @Override
    public String describe() {
      return "fromFile " + written;
    }
  }

  /** {@code {fromSecret: {namespace, name, key}}}: one key of a Kubernetes Secret. */
  record FromSecret(String namespace, String name, String key, String field, Location location)
      implements SecretRef {
    public FromSecret {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String describe() {
      return "fromSecret " + namespace + "/" + name + " key " + key;
    }
  }

  /** A value written inline, only where the field is not secret (a username). */
  record Literal(String value, String field, Location location) implements SecretRef {
    public Literal {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String describe() {
      return "inline value";
    }
  }
}
