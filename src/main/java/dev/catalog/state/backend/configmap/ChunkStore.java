package dev.catalog.state.backend.configmap;

import static dev.catalog.state.backend.configmap.ConfigMapLayout.ANNOTATION_CHUNK_BASE;
import static dev.catalog.state.backend.configmap.ConfigMapLayout.ANNOTATION_CHUNK_SHA256;
import static dev.catalog.state.backend.configmap.ConfigMapLayout.KEY_CHUNK;
import static dev.catalog.state.backend.configmap.ConfigMapLayout.LABEL_PART;
import static dev.catalog.state.backend.configmap.ConfigMapLayout.LABEL_STATE;

import dev.catalog.CatalogException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The immutable, content-addressed chunk ConfigMaps of a state too large for its head.
 *
 * <p>A chunk is shared by every head version that contains the same bytes, so a writer that reuses
 * an existing chunk claims it by writing the head version it builds on into an annotation (a
 * resourceVersion-checked update: metadata stays mutable on an immutable ConfigMap). Garbage
 * collection after a switch to version V deletes unreferenced chunks unless they are claimed for V,
 * and deletes with the listed resourceVersion as precondition, so a claim made after the listing
 * makes the delete fail instead of pulling a chunk out from under a writer.
 */
final class ChunkStore {
  private static final Logger log = LoggerFactory.getLogger(ChunkStore.class);
  private static final int CLAIM_ATTEMPTS = 5;

  private final KubernetesClient client;
  private final String namespace;
  private final String stateName;
  private final Function<String, CatalogException> damaged;

  /**
   * @param damaged builds the error for a damaged state from a detail message
   */
  ChunkStore(
      KubernetesClient client,
      String namespace,
      String stateName,
      Function<String, CatalogException> damaged) {
    this.client = client;
    this.namespace = namespace;
    this.stateName = stateName;
    this.damaged = damaged;
  }

  /** Makes sure a chunk with these bytes exists and is claimed for {@code baseVersion}. */
  String ensure(byte[] piece, String baseVersion) {
    String name = ConfigMapLayout.chunkName(stateName, piece);
    String sha256 = ConfigMapLayout.sha256(piece);
    for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      try {
        ConfigMap existing = configMaps().withName(name).get();
        if (existing == null) {
          configMaps().resource(newChunk(name, piece, sha256, baseVersion)).create();
          return name;
        }
        verify(existing, name);
        Map<String, String> annotations = new HashMap<>(existing.getMetadata().getAnnotations());
        if (baseVersion.equals(annotations.get(ANNOTATION_CHUNK_BASE))) {
          return name;
        }
        annotations.put(ANNOTATION_CHUNK_BASE, baseVersion);
        existing.getMetadata().setAnnotations(annotations);
        configMaps().resource(existing).update();
        return name;
      } catch (KubernetesClientException e) {
        boolean raced =
            KubeApiErrors.is(e, KubeApiErrors.CONFLICT)
                || KubeApiErrors.is(e, KubeApiErrors.NOT_FOUND);
        if (!raced) {
          throw KubeApiErrors.failed("write state chunk ConfigMap " + namespace + "/" + name, e);
        }
      }
    }
    throw new CatalogException(
        "state chunk ConfigMap "
            + namespace
            + "/"
            + name
            + " kept changing while catalog wrote it; nothing was switched, run again");
  }

  /** Reads the chunks in order and joins them, checking each against its content address. */
  byte[] readAll(List<String> names) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (String name : names) {
      ConfigMap chunk;
      try {
        chunk = configMaps().withName(name).get();
      } catch (KubernetesClientException e) {
        throw KubeApiErrors.failed("read state chunk ConfigMap " + namespace + "/" + name, e);
      }
      if (chunk == null) {
        throw damaged.apply("chunk " + name + " listed by the head is missing");
      }
      joined.writeBytes(verify(chunk, name));
    }
    return joined.toByteArray();
  }

  /**
   * Deletes chunks that {@code headVersion} does not reference and no writer has claimed for it.
   * Best effort: the state has already switched, so a failure only leaves garbage for next time.
   *
   * @return how many chunks were deleted
   */
  int collectGarbage(Set<String> referenced, String headVersion) {
    int deleted = 0;
    try {
      ConfigMapList chunks =
          configMaps().withLabel(LABEL_STATE, stateName).withLabel(LABEL_PART, "chunk").list();
      for (ConfigMap chunk : chunks.getItems()) {
        String name = chunk.getMetadata().getName();
        Map<String, String> annotations = chunk.getMetadata().getAnnotations();
        String claimedFor = annotations == null ? null : annotations.get(ANNOTATION_CHUNK_BASE);
        if (referenced.contains(name) || headVersion.equals(claimedFor)) {
          continue;
        }
        try {
          configMaps()
              .withName(name)
              .lockResourceVersion(chunk.getMetadata().getResourceVersion())
              .delete();
          deleted++;
        } catch (KubernetesClientException e) {
          if (!KubeApiErrors.is(e, KubeApiErrors.CONFLICT)
              && !KubeApiErrors.is(e, KubeApiErrors.NOT_FOUND)) {
            throw e;
          }
        }
      }
    } catch (KubernetesClientException e) {
      log.warn(
          "Could not delete unused state chunks of {}/{} (HTTP {}); the next write retries",
          namespace,
          stateName,
          e.getCode());
    }
    return deleted;
  }

  private byte[] verify(ConfigMap chunk, String name) {
    Map<String, String> binary = chunk.getBinaryData();
    String encoded = binary == null ? null : binary.get(KEY_CHUNK);
    if (encoded == null) {
      throw damaged.apply("chunk " + name + " has no binaryData." + KEY_CHUNK);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw damaged.apply("chunk " + name + " is not valid base64");
    }
    if (!ConfigMapLayout.chunkName(stateName, bytes).equals(name)) {
      throw damaged.apply(
          "chunk "
              + name
              + " holds bytes with SHA-256 "
              + ConfigMapLayout.sha256(bytes)
              + ", which does not match its name");
    }
    return bytes;
  }

  private ConfigMap newChunk(String name, byte[] piece, String sha256, String baseVersion) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(ConfigMapLayout.labels(stateName, "chunk"))
        .withAnnotations(
            Map.of(ANNOTATION_CHUNK_SHA256, sha256, ANNOTATION_CHUNK_BASE, baseVersion))
        .endMetadata()
        .withImmutable(true)
        .withBinaryData(Map.of(KEY_CHUNK, Base64.getEncoder().encodeToString(piece)))
        .build();
  }

  private NonNamespaceOperation<ConfigMap, ConfigMapList, Resource<ConfigMap>> configMaps() {
    return client.configMaps().inNamespace(namespace);
  }
}
