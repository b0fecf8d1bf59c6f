package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.state.RecordedParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares declared parameters with recorded and live ones, the way state records them: secret
 * values never compared in the clear (their fingerprints are), {@code lifecycle.ignoreParameters}
 * pointers masked, and keys a broker leaves out of a GET not counted as drift (checklist F-09).
 */
final class ParameterComparison {
  private final ObjectNode desired;
  private final Optional<String> desiredFingerprint;
  private final ObjectNode recorded;
  private final Optional<String> recordedFingerprint;
  private final Optional<ObjectNode> live;
  private final List<String> sensitivePointers;

  /**
   * @param desired the declared parameters, or empty for a resource being deleted
   * @param recorded what state holds
   * @param live what the broker returned, if it returned parameters
   * @param ignored JSON Pointers of values never compared
   * @param key the state's fingerprint key
   */
  ParameterComparison(
      DesiredParameters desired,
      RecordedParameters recorded,
      Optional<JsonNode> live,
      List<String> ignored,
      byte[] key) {
    var pointers = new TreeSet<>(desired.sensitivePointers());
    pointers.addAll(recorded.sensitivePointers());
    this.sensitivePointers = List.copyOf(pointers);
    var d = desired.recorded(key);
    this.desired = FieldDiff.without(d.values(), ignored);
    this.desiredFingerprint = d.sensitiveFingerprint();
    this.recorded = FieldDiff.without(recorded.values(), ignored);
    this.recordedFingerprint = recorded.sensitiveFingerprint();
    this.live =
        live.map(
            l ->
                FieldDiff.without(
                    RecordedParameters.of(l, sensitivePointers, key).values(), ignored));
  }

  /** The parameters as they are now: recorded, with the broker's values where it gave some. */
  ObjectNode current() {
    var current = recorded.deepCopy();
    live.ifPresent(
        l -> {
          var keys = new TreeSet<String>();
          recorded.fieldNames().forEachRemaining(keys::add);
          desired.fieldNames().forEachRemaining(keys::add);
          for (var k : keys) {
            if (l.has(k)) {
              current.set(k, l.get(k).deepCopy());
            }
          }
        });
    return current;
  }

  /** Keys whose value at the broker differs from the recorded one (drift). */
  List<FieldChange> drift() {
    if (live.isEmpty()) {
      return List.of();
    }
    var out = new ArrayList<FieldChange>();
    for (var change : FieldDiff.objects("parameters", recorded, live.get(), false)) {
      if (change.after().isPresent()) {
        out.add(change);
      }
    }
    return out;
  }

  /** Changes from the current parameters to the declared ones; secrets as sensitive fields. */
  List<FieldChange> changes() {
    var out = new ArrayList<>(FieldDiff.objects("parameters", current(), desired, false));
    if (!desiredFingerprint.equals(recordedFingerprint)) {
      sensitivePointers.forEach(
          p -> out.add(FieldChange.sensitive("parameters." + FieldDiff.key(p))));
    }
    return out;
  }

  /** Every declared field of parameters being created (or, with {@code deleted}, destroyed). */
  static List<FieldChange> whole(JsonNode redacted, List<String> sensitive, boolean deleted) {
    var out =
        new ArrayList<>(
            deleted
                ? FieldDiff.objects("parameters", redacted, null, true)
                : FieldDiff.objects("parameters", null, redacted, true));
    sensitive.forEach(p -> out.add(FieldChange.sensitive("parameters." + FieldDiff.key(p))));
    return out;
  }
}
