package dev.catalog.state.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Lock info as the small JSON object backends store beside or inside the lock. */
public final class LockInfoCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LockInfoCodec() {}

  /** {@code {"id":..,"holder":..,"operation":..,"created":..,"tool_version":..}}. */
  public static byte[] encode(LockInfo info) {
    var node = JSON.createObjectNode();
    node.put("id", info.id());
    node.put("holder", info.holder());
    node.put("operation", info.operation());
    node.put("created", info.created().toString());
    node.put("tool_version", info.toolVersion());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise lock info", e);
    }
  }

  /** Decodes lock info; empty when the bytes are not lock info (being written, or damaged). */
  public static Optional<LockInfo> decode(byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
      if (node == null || !node.hasNonNull("id")) {
        return Optional.empty();
      }
      return Optional.of(
          new LockInfo(
              node.get("id").asText(),
              node.path("holder").asText("unknown"),
              node.path("operation").asText("unknown"),
              Instant.parse(node.path("created").asText(Instant.EPOCH.toString())),
              node.path("tool_version").asText("unknown")));
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The standard message of a held lock, naming the holder. */
  public static String describe(String identity, LockInfo holder) {
    return "state "
        + identity
        + " is locked by "
        + holder.holder()
        + " (operation '"
        + holder.operation()
        + "', lock id "
        + holder.id()
        + ", since "
        + holder.created()
        + ", catalog "
        + holder.toolVersion()
        + ")";
  }

  /** Placeholder info for a lock whose info cannot be read (being written, or damaged). */
  public static LockInfo unknown() {
    return new LockInfo("unknown", "unknown", "unknown", Instant.EPOCH, "unknown");
  }
}
