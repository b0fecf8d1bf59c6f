package dev.catalog.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.CatalogException;
import dev.catalog.config.CredentialsTarget.SecretTarget;
import dev.catalog.state.Address;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys and values of a credentials Secret: the credentials after the transforms ({@link
 * Shaping}), one key per top-level credential, strings stored as they are and any other value as
 * compact JSON; under {@code layout: servicebinding}, with the specification's entries ({@link
 * ServiceBindingEntries}).
 */
final class SecretPayload {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretPayload() {}

  /** What the API server accepts as a Secret data key (IsConfigMapKey). */
  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");

  /**
   * The Secret's keys and string values, in order.
   *
   * @throws CatalogException naming the binding and the first key the API server would refuse, or
   *     the layout's specification forbids (a key, never a value), before anything is sent to the
   *     cluster
   */
  static Map<String, String> of(Address binding, Credentials credentials, SecretTarget target) {
    var data = strings(Shaping.apply(binding, credentials, target.transforms()));
    for (String key : data.keySet()) {
      if (!KEY.matcher(key).matches() || key.equals(".") || key.equals("..")) {
        throw new CatalogException(
            binding
                + ": credential key \""
                + key
                + "\" cannot be a Kubernetes Secret key (only letters, digits, '-', '_' and '.',"
                + " at most 253 characters); rename or remove it with a transform under"
                + " credentials.secret.transforms (docs/credentials.md)");
      }
    }
    return target
        .layout()
        .map(layout -> ServiceBindingEntries.of(binding, layout, data))
        .orElse(data);
  }

  private static Map<String, String> strings(ObjectNode keys) {
    var data = new LinkedHashMap<String, String>();
    for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
      var entry = it.next();
      data.put(entry.getKey(), Shaping.text(entry.getValue()));
    }
    return data;
  }

  /** Secret data read back: every value is a string. */
  static Credentials readBack(Map<String, String> data) {
    ObjectNode node = JSON.createObjectNode();
    data.forEach(node::put);
    return Credentials.of(node);
  }
}
