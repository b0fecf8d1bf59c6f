package dev.catalog.state.backend.configmap;

import dev.catalog.state.backend.StateBackendContract;
import dev.catalog.testkube.KubeApiServerExtension;
import dev.catalog.testkube.RunningKubeApiServer;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared backend contract, run against a real kube-apiserver. */
@ExtendWith(KubeApiServerExtension.class)
class ConfigMapBackendContractIT extends StateBackendContract {
  private final RunningKubeApiServer server;

  // Constructor injection: the contract's @BeforeEach calls settings() before any other hook.
  ConfigMapBackendContractIT(RunningKubeApiServer server) {
    this.server = server;
  }

  @Override
  protected String type() {
    return "configmap";
  }

  @Override
  protected Map<String, String> settings() {
    return ConfigMapBackends.settings(server, server.newNamespace("contract"));
  }
}
