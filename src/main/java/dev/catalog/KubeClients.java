package dev.catalog;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.impl.KubernetesClientImpl;
import io.fabric8.kubernetes.client.utils.HttpClientUtils;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Opens every Kubernetes client catalog uses (configmap backend, Secret sinks, {@code fromSecret}
 * references) with its exchanges bounded by {@link RemoteLimits} (issue 19).
 */
public final class KubeClients {
  /** The variables that set the limits for the cluster of {@code KUBECONFIG}. */
  public static final String CONNECT_VARIABLE = "CATALOG_KUBE_CONNECT_TIMEOUT";

  public static final String REQUEST_VARIABLE = "CATALOG_KUBE_REQUEST_TIMEOUT";

  /** fabric8 retries a failed request this often (its default is 10, over a minute). */
  private static final int RETRIES = 2;

  private KubeClients() {}

  /** A client for {@code config}'s cluster, each exchange bounded by {@code limits}. */
  public static KubernetesClient open(Config config, RemoteLimits limits) {
    config.setConnectionTimeout((int) Math.min(Integer.MAX_VALUE, limits.connect().toMillis()));
    // fabric8's own timeout restarts with each byte; a second later than the deadline, so the
    // deadline (which names the limit) is what a stalled exchange meets.
    config.setRequestTimeout(
        (int) Math.min(Integer.MAX_VALUE, limits.request().plusSeconds(1).toMillis()));
    config.setRequestRetryBackoffLimit(Math.min(RETRIES, config.getRequestRetryBackoffLimit()));
    var http = HttpClientUtils.getHttpClientFactory().newBuilder(config).build();
    var timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              var thread = new Thread(task, "catalog-kube-deadline");
              thread.setDaemon(true);
              return thread;
            });
    return new KubernetesClientImpl(
        new BoundedKubeHttpClient(http, limits, timer, true), config);
  }

  /**
   * The limits for the cluster of {@code KUBECONFIG} (Secret sinks, {@code fromSecret}), from
   * {@value #CONNECT_VARIABLE} and {@value #REQUEST_VARIABLE} (durations such as {@code 30s}).
   */
  public static RemoteLimits limitsFrom(Map<String, String> env) {
    return RemoteLimits.read(
        env.get(CONNECT_VARIABLE), env.get(REQUEST_VARIABLE), CONNECT_VARIABLE, REQUEST_VARIABLE);
  }
}
