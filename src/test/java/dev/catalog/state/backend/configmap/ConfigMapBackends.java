package dev.catalog.state.backend.configmap;

import dev.catalog.testkube.RunningKubeApiServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Opens configmap backends against the test apiserver with an injected clock and heartbeat. */
final class ConfigMapBackends {
  static final Duration LEASE = Duration.ofSeconds(60);

  private ConfigMapBackends() {}

  /**
   * The settings a {@code backend:} block would carry for this server and namespace; also what the
   * shared contract suite's {@code settings()} returns for the configmap backend.
   */
  static Map<String, String> settings(RunningKubeApiServer server, String namespace) {
    return Map.of(
        "kubeconfig",
        server.kubeconfig().toString(),
        "namespace",
        namespace,
        "name",
        ConfigMapSettings.DEFAULT_NAME);
  }

  static ConfigMapBackend open(RunningKubeApiServer server, String namespace) {
    return open(server, namespace, options(Clock.systemUTC()));
  }

  static ConfigMapBackend open(
      RunningKubeApiServer server, String namespace, LeaseLock.Options options) {
    ConfigMapSettings settings = ConfigMapSettings.parse(settings(server, namespace), Path.of("."));
    return new ConfigMapBackend(
        server.newClient(), settings, namespace, options, ConfigMapLayout.DEFAULT_CHUNK_BYTES);
  }

  static LeaseLock.Options options(Clock clock) {
    return new LeaseLock.Options(LeaseTiming.of(LEASE), clock, LeaseHeartbeatListener.NONE);
  }
}
