package dev.catalog.sink;

import dev.catalog.CatalogException;
import dev.catalog.config.ServiceBindingLayout;
import dev.catalog.state.Address;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A Secret's entries under {@code layout: servicebinding}: the Service Binding for Kubernetes
 * specification's "Provisioned Service" Secret (servicebinding.io). A {@code type} entry with the
 * binding's classification and, when configured, a {@code provider} entry come first and win over
 * credentials of those names; every well-known entry present ({@code host}, {@code port}, {@code
 * uri}, {@code username}, {@code password}, {@code certificates}, {@code private-key}) must meet
 * the specification's requirement, which says entries that do not must use other names.
 */
final class ServiceBindingEntries {
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?"
              + "(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*\\.?");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  private ServiceBindingEntries() {}

  /**
   * The entries of the Secret, in order: {@code type}, {@code provider}, then the credentials.
   *
   * @throws CatalogException naming the binding, the entry and its requirement (never the value)
   */
  static Map<String, String> of(
      Address binding, ServiceBindingLayout layout, Map<String, String> credentials) {
    var entries = new LinkedHashMap<String, String>();
    entries.put("type", layout.type());
    layout.provider().ifPresent(p -> entries.put("provider", p));
    credentials.forEach(entries::putIfAbsent);
    for (var entry : entries.entrySet()) {
      var requirement = requirement(entry.getKey());
      if (requirement != null && !requirement.test().test(entry.getValue())) {
        throw new CatalogException(
            binding
                + ": credential \""
                + entry.getKey()
                + "\" is a well-known servicebinding.io entry and must be "
                + requirement.what()
                + ", which its value is not; rename it with a transform under"
                + " credentials.secret.transforms (the specification requires other names for"
                + " such entries), or fill it from another credential (docs/credentials.md)");
      }
    }
    return entries;
  }

  /** The specification's requirement for a well-known entry, or null for any other name. */
  private static Requirement requirement(String entry) {
    return switch (entry) {
      case "host" ->
          new Requirement(
              "a DNS-resolvable host name or IP address", ServiceBindingEntries::isHost);
      case "port" -> new Requirement("a valid port number", ServiceBindingEntries::isPort);
      case "uri" -> new Requirement("a valid URI (RFC 3986)", ServiceBindingEntries::isUri);
      case "certificates" ->
          new Requirement(
              "PEM-encoded X.509 certificates",
              v ->
                  v.strip().startsWith("-----BEGIN CERTIFICATE-----")
                      && v.strip().endsWith("-----END CERTIFICATE-----"));
      case "private-key" ->
          new Requirement(
              "a PEM-encoded private key",
              v -> v.strip().startsWith("-----BEGIN ") && v.strip().endsWith("PRIVATE KEY-----"));
      default -> null; // username and password: any string; type and provider are ours
    };
  }

  private record Requirement(String what, Predicate<String> test) {}

  static boolean isHost(String value) {
    if (IPV4.matcher(value).matches() || HOST_NAME.matcher(value).matches()) {
      return true;
    }
    // An IPv6 literal: only hex digits, colons and dots, so parsing it asks no DNS server.
    if (value.contains(":") && IPV6_CHARS.matcher(value).matches()) {
      try {
        return java.net.InetAddress.getByName(value) instanceof java.net.Inet6Address;
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  static boolean isPort(String value) {
    if (!value.matches("[0-9]{1,5}")) {
      return false;
    }
    int port = Integer.parseInt(value);
    return port >= 1 && port <= 65535;
  }

  static boolean isUri(String value) {
    try {
      return new URI(value).getScheme() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
