package dev.catalog.testkube;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A second real kube-apiserver beside the shared one, for tests that need two clusters in one
 * kubeconfig (issue 13); a test asks for it as a parameter of this type.
 *
 * @param server the server, used as the first one is
 */
public record SecondKubeApiServer(RunningKubeApiServer server)
    implements ExtensionContext.Store.CloseableResource {
  @Override
  public void close() {
    server.close();
  }
}
