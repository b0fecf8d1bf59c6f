package dev.catalog.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.catalog.state.Fingerprint;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of what a plan was made from: every resolved desired resource (ids, parameters, context;
 * secrets only as keyed fingerprints) and the catalogs read. A saved plan records it so apply can
 * tell that the configuration or a catalog changed since the plan was reviewed.
 */
public final class DesiredHash {
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private DesiredHash() {}

  /**
   * {@code sha256:HEX} of the plan's desired side; {@code lineage} keys the secret fingerprints.
   */
  public static String of(Plan plan, String lineage) {
    var key = Fingerprint.keyFor(lineage);
    var doc = JsonNodeFactory.instance.objectNode();
    plan.catalogFingerprints().forEach(doc.putObject("catalogs")::put);
    var resources = doc.putObject("resources");
    for (var change : plan.changes()) {
      change
          .desired()
          .ifPresent(
              d -> {
                var r = resources.putObject(d.address().toString());
                if (d instanceof DesiredResource.OfInstance i) {
                  var x = i.instance();
                  r.put("broker", x.broker())
                      .put("service", x.service().id())
                      .put("plan", x.plan().id());
                  parameters(r, x.parameters(), key);
                  r.set("context", x.context());
                  x.maintenanceInfoVersion().ifPresent(v -> r.put("maintenance_info", v));
                } else if (d instanceof DesiredResource.OfBinding b) {
                  r.put("instance", b.binding().config().instance());
                  parameters(r, b.binding().parameters(), key);
                }
              });
    }
    try {
      var canonical = CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(doc, Object.class));
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (java.io.IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash the desired state", e);
    }
  }

  private static void parameters(
      com.fasterxml.jackson.databind.node.ObjectNode r, DesiredParameters p, byte[] key) {
    var recorded = p.recorded(key);
    r.set("parameters", recorded.values());
    recorded.sensitiveFingerprint().ifPresent(f -> r.put("sensitive", f));
  }
}
