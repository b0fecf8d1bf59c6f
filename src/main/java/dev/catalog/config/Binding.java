package dev.catalog.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service binding to keep, and where its credentials go.
 *
 * @param name unique among bindings, {@code [a-z0-9-]}, at most 63 characters
 * @param instance the name of a declared instance
 * @param parameters sent to the broker; a change replaces the binding (bindings are immutable)
 * @param parametersFrom secret references whose content is merged over {@code parameters}
 * @param credentials the one sink the credentials are delivered to
 * @param lifecycle {@code lifecycle.preventDestroy}; bindings ignore no parameters
 * @param rotation when the binding is replaced by age, if declared (issue 14)
 */
public record Binding(
    String name,
    String instance,
    ConfigObject parameters,
    List<SecretRef> parametersFrom,
    CredentialsTarget credentials,
    Lifecycle lifecycle,
    Source source,
    Optional<Rotation> rotation) {
  public Binding {
    // Interned: the instance's name is then one String for it and all its bindings (issue 7).
    name = name.intern();
    instance = instance.intern();
    Objects.requireNonNull(parameters, "parameters");
    parametersFrom = List.copyOf(parametersFrom);
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(rotation, "rotation");
  }

  /** A binding without a rotation policy or lifecycle settings. */
  public Binding(
      String name,
      String instance,
      ConfigObject parameters,
      List<SecretRef> parametersFrom,
      CredentialsTarget credentials,
      Source source) {
    this(
        name,
        instance,
        parameters,
        parametersFrom,
        credentials,
        Lifecycle.defaults(),
        source,
        Optional.empty());
  }

  /** Where the binding was declared. */
  public Location location() {
    return source.location();
  }
}
