package dev.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret one run of catalog knows (broker passwords and tokens with their {@code Basic} and
 * {@code Bearer} forms, Git tokens, binding credentials), and the one way to take them out of text
 * that came from outside: a broker's description or error body, a Git or Kubernetes server's
 * message. Such text is scrubbed where it enters, before anything prints, logs or stores it (issue
 * 19: an auth proxy quoting the request's {@code Authorization} header ended up in state).
 *
 * <p>Fed as secrets become known; thread-safe, since brokers are read in parallel. One per run,
 * never static: tests run many runs in one JVM.
 */
public final class Redactor {
  /** What a secret is replaced with, the same mask {@link Secret#toString()} prints. */
  public static final String MASK = "(sensitive)";

  /**
   * Values shorter than this are not scrubbed: a three-letter value would be masked inside every
   * word that contains it. Their {@code Basic} form (base64 of user:password) is long enough.
   */
  static final int MIN_LENGTH = 4;

  private final Set<String> values = ConcurrentHashMap.newKeySet();

  /** A secret value, as it is and as JSON or a URL would quote it. */
  public void add(Secret secret) {
    addValue(secret.reveal());
  }

  /** HTTP Basic credentials: the password and the base64 of {@code user:password}. */
  public void addBasic(String username, Secret password) {
    add(password);
    var pair = (username + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8);
    addValue(Base64.getEncoder().encodeToString(pair));
    addValue(Base64.getEncoder().withoutPadding().encodeToString(pair));
  }

  /** Every string inside a JSON value (binding credentials), at any depth. */
  public void addLeaves(JsonNode json) {
    if (json == null) {
      return;
    }
    if (json.isTextual()) {
      addValue(json.asText());
    }
    json.elements().forEachRemaining(this::addLeaves);
  }

  /** A plain secret value. */
  public void addValue(String value) {
    if (value == null || value.length() < MIN_LENGTH) {
      return;
    }
    values.add(value);
    var escaped = value.replace("\\", "\\\\").replace("\"", "\\\"");
    if (!escaped.equals(value)) {
      values.add(escaped);
    }
    var encoded = java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    if (!encoded.equals(value)) {
      values.add(encoded);
    }
  }

  /** The text with every known secret replaced by {@link #MASK}. */
  public String scrub(String text) {
    if (text == null || text.isEmpty() || values.isEmpty()) {
      return text;
    }
    // Longest first, so a secret that contains another is masked whole.
    var known = new ArrayList<>(values);
    known.sort(Comparator.comparingInt(String::length).reversed());
    var result = text;
    for (var value : known) {
      if (result.contains(value)) {
        result = result.replace(value, MASK);
      }
    }
    return result;
  }

  /** A copy of a JSON value with every string scrubbed (field names included). */
  public JsonNode scrub(JsonNode json) {
    if (json == null || values.isEmpty()) {
      return json;
    }
    if (json.isTextual()) {
      var scrubbed = scrub(json.asText());
      return scrubbed.equals(json.asText()) ? json : TextNode.valueOf(scrubbed);
    }
    if (json instanceof ObjectNode object) {
      var copy = object.objectNode();
      object.fields().forEachRemaining(e -> copy.set(scrub(e.getKey()), scrub(e.getValue())));
      return copy;
    }
    if (json instanceof ArrayNode array) {
      var copy = array.arrayNode();
      array.forEach(e -> copy.add(scrub(e)));
      return copy;
    }
    return json;
  }
}
