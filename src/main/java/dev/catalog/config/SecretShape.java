package dev.catalog.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a credentials Secret looks like besides its keys (issue 13): its {@code type}, the labels and
 * annotations the user adds (tools such as reloaders and Argo CD read them), and its layout.
 *
 * @param type the Secret's {@code type}: {@code Opaque} unless written, {@code
 *     servicebinding.io/TYPE} under the servicebinding layout
 * @param labels the user's labels, sorted by key; catalog adds its own ownership labels
 * @param annotations the user's annotations, sorted by key; catalog adds its owner annotation
 * @param serviceBinding the Service Binding for Kubernetes layout, when {@code layout:
 *     servicebinding} is written
 */
public record SecretShape(
    String type,
    Map<String, String> labels,
    Map<String, String> annotations,
    Optional<ServiceBindingLayout> serviceBinding) {
  /** The type of a Secret whose type is not written. */
  public static final String DEFAULT_TYPE = "Opaque";

  /** An {@code Opaque} Secret with catalog's labels and annotation only. */
  public static final SecretShape OPAQUE =
      new SecretShape(DEFAULT_TYPE, Map.of(), Map.of(), Optional.empty());

  public SecretShape {
    Objects.requireNonNull(type, "type");
    labels = sorted(labels);
    annotations = sorted(annotations);
    Objects.requireNonNull(serviceBinding, "serviceBinding");
  }

  // Sorted, so that the shape's canonical form (and its digest) does not depend on YAML order.
  private static SortedMap<String, String> sorted(Map<String, String> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  /**
   * The {@code layout: servicebinding} of a Secret: the Secret as the Service Binding for
   * Kubernetes specification (servicebinding.io, "Provisioned Service") describes it, with a {@code
   * type} entry, an optional {@code provider} entry and the Secret type {@code
   * servicebinding.io/TYPE}, so that Spring Cloud Bindings, Quarkus and any servicebinding.io
   * runtime read it as it is.
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
}
