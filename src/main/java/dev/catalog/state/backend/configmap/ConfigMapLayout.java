package dev.catalog.state.backend.configmap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How the configmap backend lays a state document out in Kubernetes objects: gzip, then either
 * inline in the head ConfigMap or split into content-addressed chunk ConfigMaps.
 *
 * <p>A ConfigMap (data plus binaryData) may hold at most 1 MiB; chunks stay at 768 KiB so the
 * object, its metadata and the base64 JSON the API server receives keep well inside the limits.
 */
final class ConfigMapLayout {
  /** Head {@code data.format}; a newer catalog writing another layout changes it. */
  static final String FORMAT = "catalog-state/configmap-v1";

  static final int DEFAULT_CHUNK_BYTES = 768 * 1024;

  static final String KEY_FORMAT = "format";
  static final String KEY_ENCODING = "encoding";
  static final String KEY_SHA256 = "sha256";
  static final String KEY_SIZE = "size";
  static final String KEY_CHUNKS = "chunks";
  static final String KEY_GENERATION = "generation";
  static final String KEY_INLINE = "state.json.gz";
  static final String KEY_CHUNK = "chunk";

  static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String LABEL_STATE = "catalog.dev/state";
  static final String LABEL_PART = "catalog.dev/part";
  static final String ANNOTATION_CHUNK_SHA256 = "catalog.dev/sha256";

  /**
   * The head version a writer built on when it created or reused a chunk: garbage collection after
   * a switch to that version keeps the chunk, because that writer may still switch to it.
   */
  static final String ANNOTATION_CHUNK_BASE = "catalog.dev/base-version";

  static final String ANNOTATION_SERIAL = "catalog.dev/serial";
  static final String ANNOTATION_SUMMARY = "catalog.dev/last-change";

  private ConfigMapLayout() {}

  /** Labels every object of one state carries, so kubectl and the GC can find them. */
  static Map<String, String> labels(String stateName, String part) {
    return Map.of(LABEL_MANAGED_BY, "catalog", LABEL_STATE, stateName, LABEL_PART, part);
  }

  static String chunkName(String stateName, byte[] chunk) {
    return stateName + "-chunk-" + sha256(chunk).substring(0, 16);
  }

  static List<byte[]> split(byte[] compressed, int chunkBytes) {
    List<byte[]> pieces = new ArrayList<>();
    for (int from = 0; from < compressed.length; from += chunkBytes) {
      pieces.add(
          Arrays.copyOfRange(compressed, from, Math.min(compressed.length, from + chunkBytes)));
    }
    return pieces;
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, content.length / 4));
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Inflates at most {@code expectedSize} bytes.
   *
   * @throws IllegalArgumentException when the data is not gzip, is truncated or inflates to a
   *     different size
   */
  static byte[] gunzip(byte[] compressed, long expectedSize) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, expectedSize + 1));
      if (content.length != expectedSize) {
        throw new IllegalArgumentException(
            "inflates to "
                + (content.length > expectedSize ? "more than " + expectedSize : content.length)
                + " bytes, but the head says "
                + expectedSize);
      }
      return content;
    } catch (IOException e) {
      throw new IllegalArgumentException("is not valid gzip (" + e.getMessage() + ")", e);
    }
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
