package dev.catalog.testkube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiServerLogTest {
  @TempDir Path dir;

  @Test
  void aPanicWrittenAfterTheOffsetIsFoundWithTheStartOfItsStackTrace() throws IOException {
    var log = new ApiServerLog(dir.resolve("kube-apiserver.log"));
    Files.writeString(log.file(), "I1207 old panic: before the test\n");
    long start = log.length();
    Files.writeString(
        log.file(),
        "I1207 22:01:02 handler.go:1] GET /api/v1/namespaces/a/secrets/s 200\n"
            + "E1207 22:01:03 runtime.go:78] Observed a panic: runtime error: invalid memory"
            + " address or nil pointer dereference\n"
            + "goroutine 4711 [running]:\n"
            + "k8s.io/kubernetes/vendor/github.com/modern-go/reflect2.(*unsafeMapIterator).Next\n"
            + "I1207 22:01:04 handler.go:1] GET /healthz 200\n",
        StandardOpenOption.APPEND);

    assertThat(log.panicsSince(start))
        .containsExactly(
            "E1207 22:01:03 runtime.go:78] Observed a panic: runtime error: invalid memory"
                + " address or nil pointer dereference\n"
                + "goroutine 4711 [running]:\n"
                + "k8s.io/kubernetes/vendor/github.com/modern-go/reflect2.(*unsafeMapIterator).Next\n"
                + "I1207 22:01:04 handler.go:1] GET /healthz 200");
  }

  @Test
  void goRuntimePanicsAndFatalErrorsCountButOrdinaryErrorsDoNot() {
    assertThat(ApiServerLog.isPanic("panic: assignment to entry in nil map")).isTrue();
    assertThat(ApiServerLog.isPanic("fatal error: concurrent map writes")).isTrue();
    assertThat(ApiServerLog.isPanic("E1207 status.go:71] apiserver received an error")).isFalse();
  }

  @Test
  void aLogNotWrittenYetHasNoPanics() {
    var log = new ApiServerLog(dir.resolve("absent.log"));

    assertThat(log.length()).isZero();
    assertThat(log.panicsSince(0)).isEmpty();
  }
}
