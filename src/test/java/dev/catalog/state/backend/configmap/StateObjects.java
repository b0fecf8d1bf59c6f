package dev.catalog.state.backend.configmap;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Random;

/** What the configmap backend left in a namespace, read with an admin client. */
record StateObjects(KubernetesClient admin, String namespace) {
  static final int FIVE_MIB = 5 * 1024 * 1024;

  ConfigMap head() {
    return admin.configMaps().inNamespace(namespace).withName("catalog-state").get();
  }

  List<String> headChunks() {
    return head().getData().get("chunks").lines().filter(line -> !line.isBlank()).toList();
  }

  String headVersion() {
    return head().getMetadata().getResourceVersion();
  }

  List<String> chunkNames() {
    return admin
        .configMaps()
        .inNamespace(namespace)
        .withLabel("catalog.dev/part", "chunk")
        .list()
        .getItems()
        .stream()
        .map(c -> c.getMetadata().getName())
        .toList();
  }

  /** Random bytes: gzip cannot shrink them, so a 5 MiB state stays over 5 MiB compressed. */
  static byte[] incompressible(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
