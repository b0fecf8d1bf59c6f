package dev.catalog.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code layout: servicebinding} of a credentials Secret (issue 13): the Secret as the Service
 * Binding for Kubernetes specification (servicebinding.io, "Provisioned Service") describes it,
 * with a {@code type} entry, an optional {@code provider} entry and the Secret type {@code
 * servicebinding.io/TYPE}, so that Spring Cloud Bindings, Quarkus and any servicebinding.io runtime
 * read it as it is.
 *
 * @param type the binding's abstract classification, like {@code postgresql}
 * @param provider who provides it, like {@code acme}; no entry when empty
 */
public record ServiceBindingLayout(String type, Optional<String> provider) {
  /** The Secret type prefix the specification recommends. */
  public static final String SECRET_TYPE_PREFIX = "servicebinding.io/";

  /** The entries the layout writes itself: no transform may write them. */
  public static final List<String> RESERVED_ENTRIES = List.of("type", "provider");

  /**
   * The specification's "Well-known Secret Entries": when present, each value must meet the
   * specification's requirement (a host name or IP, a port number, an RFC 3986 URI, ...).
   */
  public static final List<String> WELL_KNOWN_ENTRIES =
      List.of("host", "port", "uri", "username", "password", "certificates", "private-key");

  public ServiceBindingLayout {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(provider, "provider");
  }

  /** The Secret's {@code type}: {@code servicebinding.io/TYPE}. */
  public String secretType() {
    return SECRET_TYPE_PREFIX + type;
  }
}
