package dev.catalog.state.backend.configmap;

import static dev.catalog.state.backend.configmap.ConfigMapLayout.KEY_CHUNKS;
import static dev.catalog.state.backend.configmap.ConfigMapLayout.KEY_ENCODING;
import static dev.catalog.state.backend.configmap.ConfigMapLayout.KEY_FORMAT;
import static dev.catalog.state.backend.configmap.ConfigMapLayout.KEY_GENERATION;
import static dev.catalog.state.backend.configmap.ConfigMapLayout.KEY_INLINE;
import static dev.catalog.state.backend.configmap.ConfigMapLayout.KEY_SHA256;
import static dev.catalog.state.backend.configmap.ConfigMapLayout.KEY_SIZE;

import dev.catalog.CatalogException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The head ConfigMap of a state: format, encoding, digest, size, write count and the chunk list in
 * {@code data}, the compressed state itself in {@code binaryData} when it fits.
 */
final class StateHeads {
  private final String stateName;
  private final String namespace;
  private final ChunkStore chunks;
  private final Function<String, CatalogException> damaged;
  private final Supplier<String> where;

  StateHeads(
      String stateName,
      String namespace,
      ChunkStore chunks,
      Function<String, CatalogException> damaged,
      Supplier<String> where) {
    this.stateName = stateName;
    this.namespace = namespace;
    this.chunks = chunks;
    this.damaged = damaged;
    this.where = where;
  }

  /** A verified state and the head's write count. */
  record Decoded(byte[] content, long generation) {}

  /**
   * Reads the state a head describes, checking every chunk and the digest.
   *
   * @throws CatalogException when anything does not match: the state is damaged
   */
  Decoded decode(ConfigMap head) {
    Map<String, String> data = head.getData() == null ? Map.of() : head.getData();
    String format = data.get(KEY_FORMAT);
    if (format == null) {
      throw damaged.apply("the head has no data." + KEY_FORMAT + ", so catalog did not write it");
    }
    if (!ConfigMapLayout.FORMAT.equals(format)) {
      throw new CatalogException(
          where.get()
              + " has format "
              + format
              + ", which this version of catalog cannot read; upgrade catalog");
    }
    if (!"gzip".equals(data.get(KEY_ENCODING))) {
      throw damaged.apply("the head's data." + KEY_ENCODING + " is not gzip");
    }
    long size;
    long generation;
    try {
      size = Long.parseLong(data.getOrDefault(KEY_SIZE, ""));
      generation = Long.parseLong(data.getOrDefault(KEY_GENERATION, ""));
    } catch (NumberFormatException e) {
      throw damaged.apply(
          "the head's data." + KEY_SIZE + " or data." + KEY_GENERATION + " is not a number");
    }
    List<String> names =
        data.getOrDefault(KEY_CHUNKS, "").lines().filter(line -> !line.isBlank()).toList();
    byte[] compressed = names.isEmpty() ? inline(head) : chunks.readAll(names);
    byte[] content;
    try {
      content = ConfigMapLayout.gunzip(compressed, size);
    } catch (IllegalArgumentException e) {
      throw damaged.apply("the compressed content " + e.getMessage());
    }
    String digest = ConfigMapLayout.sha256(content);
    if (!digest.equals(data.get(KEY_SHA256))) {
      throw damaged.apply(
          "the content's SHA-256 is " + digest + " but the head says " + data.get(KEY_SHA256));
    }
    return new Decoded(content, generation);
  }

  private byte[] inline(ConfigMap head) {
    String encoded = head.getBinaryData() == null ? null : head.getBinaryData().get(KEY_INLINE);
    if (encoded == null) {
      throw damaged.apply("the head lists no chunks and has no binaryData." + KEY_INLINE);
    }
    try {
      return Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw damaged.apply("binaryData." + KEY_INLINE + " is not valid base64");
    }
  }

  /** The head for a new state, carrying {@code expected} as the resourceVersion to swap. */
  ConfigMap encode(
      byte[] content,
      byte[] compressed,
      List<String> chunkNames,
      long generation,
      String summary,
      Optional<String> expected) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(KEY_FORMAT, ConfigMapLayout.FORMAT);
    data.put(KEY_ENCODING, "gzip");
    data.put(KEY_SHA256, ConfigMapLayout.sha256(content));
    data.put(KEY_SIZE, Long.toString(content.length));
    data.put(KEY_GENERATION, Long.toString(generation));
    data.put(KEY_CHUNKS, String.join("\n", chunkNames));
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(ConfigMapLayout.ANNOTATION_SUMMARY, abbreviate(summary));
    StateSerial.of(content)
        .ifPresent(serial -> annotations.put(ConfigMapLayout.ANNOTATION_SERIAL, serial));
    ConfigMapBuilder head =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(stateName)
            .withNamespace(namespace)
            .withResourceVersion(expected.orElse(null))
            .withLabels(ConfigMapLayout.labels(stateName, "head"))
            .withAnnotations(annotations)
            .endMetadata()
            .withData(data);
    if (chunkNames.isEmpty()) {
      head.withBinaryData(Map.of(KEY_INLINE, Base64.getEncoder().encodeToString(compressed)));
    }
    return head.build();
  }

  private static String abbreviate(String summary) {
    String line = summary == null ? "" : summary.strip();
    return line.length() <= 500 ? line : line.substring(0, 497) + "...";
  }
}
