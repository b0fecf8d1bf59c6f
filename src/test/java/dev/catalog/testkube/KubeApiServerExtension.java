package dev.catalog.testkube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Gives tests a {@link RunningKubeApiServer} parameter: one real server shared by every test class
 * of the JVM (started on first use, stopped when the run ends), so the one-minute start is paid
 * once.
 *
 * <p>Without the binaries a test is skipped with a message saying how to build them, except when
 * {@code CI=true}: there a skipped Kubernetes test would hide a broken install, so it fails.
 *
 * <p>A test during which the server logged a panic fails with the panic lines (issue 19): a server
 * that panicked may have answered wrongly, so the test's result cannot be trusted. Panics outside
 * any test of the class (in {@code @BeforeAll}, or between tests) fail the class.
 */
public final class KubeApiServerExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        TestInstancePreConstructCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KubeApiServerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    var type = parameter.getParameter().getType();
    return type == RunningKubeApiServer.class || type == SecondKubeApiServer.class;
  }

  /** Panics logged before this class started belong to an earlier class, which reported them. */
  @Override
  public void beforeAll(ExtensionContext context) {
    long start = running(context) == null ? 0 : running(context).log().length();
    context.getStore(NAMESPACE).put(AtomicLong.class, new AtomicLong(start));
    // The second server's log is new when it starts during this class, so 0 is right then.
    long second = runningSecond(context) == null ? 0 : runningSecond(context).log().length();
    context.getStore(NAMESPACE).put(SecondKubeApiServer.class, new AtomicLong(second));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    failOnPanics(context, "during this test");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    failOnPanics(context, "outside the tests of this class");
  }

  /** Fails with the panic lines the server logged since the class's last check. */
  private static void failOnPanics(ExtensionContext context, String when) {
    failOnPanics(
        running(context),
        context.getStore(NAMESPACE).get(AtomicLong.class, AtomicLong.class),
        when);
    failOnPanics(
        runningSecond(context),
        context.getStore(NAMESPACE).get(SecondKubeApiServer.class, AtomicLong.class),
        when);
  }

  private static void failOnPanics(RunningKubeApiServer server, AtomicLong checked, String when) {
    if (server == null || checked == null) {
      return;
    }
    long end = server.log().length();
    List<String> panics = server.log().panicsSince(checked.getAndSet(end));
    if (!panics.isEmpty()) {
      throw new AssertionError(
          "kube-apiserver logged "
              + panics.size()
              + " panic(s) "
              + when
              + ", so its answers cannot be trusted (log: "
              + server.log().file()
              + "):\n"
              + String.join("\n---\n", panics));
    }
  }

  /** The second server if a test already started it. */
  private static RunningKubeApiServer runningSecond(ExtensionContext context) {
    SecondKubeApiServer second =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .get(SecondKubeApiServer.class, SecondKubeApiServer.class);
    return second == null ? null : second.server();
  }

  /** The shared server if a test already started it. */
  private static RunningKubeApiServer running(ExtensionContext context) {
    Closing closing =
        context.getRoot().getStore(NAMESPACE).get(RunningKubeApiServer.class, Closing.class);
    return closing == null ? null : closing.server();
  }

  /**
   * Checks for the binaries and starts the shared server before each test, so that a missing
   * install shows as skipped (or failed on CI) tests with the reason, not a silent empty class.
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    server(context);
  }

  /**
   * The same check before a test instance is built, for classes that take the server as a
   * constructor parameter: a skip thrown from parameter resolution would be reported as an error.
   */
  @Override
  public void preConstructTestInstance(
      TestInstanceFactoryContext factoryContext, ExtensionContext context) {
    server(context);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == SecondKubeApiServer.class) {
      return second(context);
    }
    return server(context);
  }

  /**
   * A second server, for tests of two clusters (issue 13): started on first request only, shared
   * like the first and stopped when the run ends. Its log is scanned for panics with the first's.
   */
  private static SecondKubeApiServer second(ExtensionContext context) {
    server(context);
    Map<String, String> env = System.getenv();
    KubeApiServerBinaries binaries =
        KubeApiServerBinaries.require(KubeApiServerBinaries.cacheDirectory(env), env);
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            SecondKubeApiServer.class,
            key -> new SecondKubeApiServer(startServer(binaries)),
            SecondKubeApiServer.class);
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
