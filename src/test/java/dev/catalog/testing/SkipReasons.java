package dev.catalog.testing;

import java.io.PrintStream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test or test class was skipped, on the console where Maven's summary only counts
 * them (issue 17): {@code SKIPPED ConfigMapBackendIT: No kube-apiserver: run
 * .ci/install-kube-apiserver.sh ...}. Registered for every test run through
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener.
 */
public final class SkipReasons implements TestExecutionListener {
  private final PrintStream console = System.out;

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    console.println("SKIPPED " + name(test) + ": " + reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      var reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
      console.println("SKIPPED " + name(test) + ": " + reason);
    }
  }

  /** {@code ConfigMapBackendIT}, or {@code ConfigMapBackendIT.casWriteWins()} for a method. */
  private static String name(TestIdentifier test) {
    var source = test.getSource().orElse(null);
    if (source instanceof MethodSource method) {
      var className = method.getClassName();
      return className.substring(className.lastIndexOf('.') + 1) + "." + test.getDisplayName();
    }
    if (source instanceof ClassSource type) {
      return type.getJavaClass().getSimpleName();
    }
    return test.getDisplayName();
  }
}
