package dev.catalog.testkube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link RunningKubeApiServer} parameter: one real server shared by every test class
 * of the JVM (started on first use, stopped when the run ends), so the one-minute start is paid
 * once.
 *
 * <p>Without the binaries a test is skipped with a message saying how to build them, except when
 * {@code CI=true}: there a skipped Kubernetes test would hide a broken install, so it fails.
 */
public final class KubeApiServerExtension implements BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KubeApiServerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningKubeApiServer.class;
  }

  /**
   * Checks for the binaries and starts the shared server before each test, so that a missing
   * install shows as skipped (or failed on CI) tests with the reason, not a silent empty class.
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    server(context);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  private static RunningKubeApiServer server(ExtensionContext context) {
    Map<String, String> env = System.getenv();
    KubeApiServerBinaries binaries =
        KubeApiServerBinaries.require(KubeApiServerBinaries.cacheDirectory(env), env);
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            RunningKubeApiServer.class, key -> new Closing(startServer(binaries)), Closing.class)
        .server();
  }

  private static RunningKubeApiServer startServer(KubeApiServerBinaries binaries) {
    try {
      return RunningKubeApiServer.start(binaries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server when JUnit closes the root store at the end of the run. */
  private record Closing(RunningKubeApiServer server)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.close();
    }
  }
}
