package dev.catalog.apply;

import static dev.catalog.apply.ApplyLifecycleIT.PASSWORD;
import static dev.catalog.apply.ApplyLifecycleIT.queue;
import static dev.catalog.apply.ApplyLifecycleIT.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.cli.CliRun;
import dev.catalog.state.Address;
import dev.catalog.state.BindingState;
import dev.catalog.state.State;
import dev.catalog.testbroker.LedgerBinding;
import dev.catalog.testbroker.ReferenceBroker;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import dev.catalog.testkube.SecretData;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a binding replace binds the new binding, writes its credentials over the old ones in
 * the same Secret, and only then unbinds the old one. A watcher reading the Secret every 50 ms on a
 * real kube-apiserver never finds it missing or empty and sees the old, then the new credentials.
 */
@ExtendWith(KubeApiServerExtension.class)
@Timeout(300)
class BindingRotationIT {
  @TempDir Path dir;
  private ReferenceBroker broker;
  private KubernetesClient kube;
  private String namespace;
  private Path kubeconfig;
  private Path config;

  @BeforeEach
  void start(RunningKubeApiServer server) {
    broker =
        ReferenceBroker.start(
            new ReferenceBroker.Options(
                "127.0.0.1", 0, PASSWORD, Clock.systemUTC(), Duration.ZERO));
    kube = server.newClient();
    namespace = server.newNamespace("rotation");
    kubeconfig = server.kubeconfig();
    config = dir.resolve("catalog.yaml");
  }

  @AfterEach
  void stop() {
    kube.close();
    broker.close();
  }

  private String eventsApp(String role) {
    return """
           - name: events-app
             instance: events
             parameters: { role: %s }
             credentials:
               secret: { namespace: %s, name: events }
           """
        .formatted(role, namespace);
  }

  @Test
  void aReplacedBindingIsBoundAndDeliveredInPlaceBeforeTheOldOneIsUnbound() throws Exception {
    var first = apply(eventsApp("reader"), "apply", "--auto-approve");
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    var old = recordedBinding();
    var oldPassword = password(broker.ledger().binding(old.bindingId()).orElseThrow());

    var requests = java.util.Collections.synchronizedList(new ArrayList<String>());
    broker
        .faults()
        .hook(
            new dev.catalog.testbroker.FaultInjector.RequestHook() {
              @Override
              public void beforeWork(int number, String method, String path) {
                if (method.equals("PUT")) {
                  // A slow bind: unbinding first would leave the Secret missing for a second.
                  sleep(Duration.ofSeconds(1));
                }
              }

              @Override
              public void afterWork(int number, String method, String path) {
                if (path.contains("/service_bindings/")) {
                  requests.add(method + " " + path.replaceAll(".*/service_bindings/", ""));
                }
              }
            });
    var watcher = SecretWatcher.start(kube, namespace, "events", "password");
    CliRun replaced;
    try {
      replaced = apply(eventsApp("writer"), "apply", "--auto-approve");
    } finally {
      watcher.stop();
    }

    assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
    assertThat(replaced.out())
        .contains(
            """
              # binding.events-app must be replaced (binding parameters changed, and bindings\
             cannot be updated)
            +/- binding.events-app (broker "messaging")
                  ~ parameters.role = "reader" -> "writer" # forces replacement
            """)
        .endsWith("Apply complete! Resources: 1 added, 0 changed, 1 destroyed.\n");
    var successor = recordedBinding();
    assertThat(successor.bindingId()).isNotEqualTo(old.bindingId());
    var newPassword = password(broker.ledger().binding(successor.bindingId()).orElseThrow());
    assertThat(watcher.distinctValuesInOrder()).containsExactly(oldPassword, newPassword);
    assertThat(broker.ledger().bindings())
        .extracting(LedgerBinding::id)
        .containsExactly(successor.bindingId());
    assertThat(state().resources().keySet())
        .containsExactly(Address.instance("events"), Address.binding("events-app"));
    assertThat(requests)
        .containsExactly("PUT " + successor.bindingId(), "DELETE " + old.bindingId());
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String password(LedgerBinding binding) {
    return String.valueOf(binding.credentials().get("password"));
  }

  private BindingState recordedBinding() {
    return (BindingState) state().resource(Address.binding("events-app")).orElseThrow();
  }

  private State state() {
    return ChildApply.stateIn(dir);
  }

  private CliRun apply(String bindings, String... args) throws IOException {
    Files.writeString(config, yaml(broker, queue("events"), bindings));
    var all = new ArrayList<String>(List.of(args[0], "-f", config.toString()));
    all.addAll(List.of(args).subList(1, args.length));
    var env = Map.of("BROKER_PW", PASSWORD, "CI", "true", "KUBECONFIG", kubeconfig.toString());
    return CliRun.run(env, all.toArray(String[]::new));
  }

  /** Reads one key of a Secret every 50 ms on its own thread: "<missing>" or "<empty>" if so. */
  static final class SecretWatcher {
    private final List<String> seen = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private final KubernetesClient kube;
    private final String namespace;
    private final String name;
    private final String key;

    private SecretWatcher(KubernetesClient kube, String namespace, String name, String key) {
      this.kube = kube;
      this.namespace = namespace;
      this.name = name;
      this.key = key;
      thread =
          new Thread(
              () -> {
                while (running) {
                  readOnce();
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "secret-watcher");
    }

    private void readOnce() {
      var secret = kube.secrets().inNamespace(namespace).withName(name).get();
      String value;
      if (secret == null) {
        value = "<missing>";
      } else if (secret.getData() == null || secret.getData().isEmpty()) {
        value = "<empty>";
      } else {
        value = SecretData.decoded(secret).getOrDefault(key, "<no " + key + ">");
      }
      synchronized (seen) {
        seen.add(value);
      }
    }

    static SecretWatcher start(KubernetesClient kube, String namespace, String name, String key) {
      var watcher = new SecretWatcher(kube, namespace, name, key);
      watcher.thread.start();
      return watcher;
    }

    /**
     * Stops the loop and reads once more: the loop may have slept through the last write, and
     * what the Secret holds once apply has ended is part of what the test checks.
     */
    void stop() throws InterruptedException {
      running = false;
      thread.join();
      readOnce();
    }

    /** The values read, each run of equal reads once. */
    List<String> distinctValuesInOrder() {
      synchronized (seen) {
        var out = new ArrayList<String>();
        for (var v : seen) {
          if (out.isEmpty() || !out.get(out.size() - 1).equals(v)) {
            out.add(v);
          }
        }
        return out;
      }
    }
  }
}
