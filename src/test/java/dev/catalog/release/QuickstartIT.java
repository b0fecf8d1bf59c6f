package dev.catalog.release;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * bin/quickstart as README runs it, with port 8080 already taken by another process (issue 17):
 * it must never apply against a process it did not start. The broker runs from this test's class
 * path (DEMO_BROKER_CLASSPATH) instead of a nested Maven; catalog from target/catalog.jar.
 */
class QuickstartIT {
  private static final Pattern KILL = Pattern.compile("Stop it with: kill (\\d+)");

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void withPort8080TakenItAppliesAgainstItsOwnBrokerKeepsItWhenAskedAndEndsWithNoChanges()
      throws IOException, InterruptedException {
    try (var taken = bindLoopback(8080)) {
      var run = quickstart("--no-build", "--keep-broker");

      assertThat(run.code()).as(run.output()).isZero();
      assertThat(run.output())
          .contains("    demo broker ready at http://127.0.0.1:")
          .doesNotContain("127.0.0.1:8080")
          .contains("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.\n")
          .contains("No changes. Live state matches the configuration.\n");
      // Nothing connected to the process that held 8080.
      assertThat(taken.accept()).isNull();
      var matcher = KILL.matcher(run.output());
      assertThat(matcher.find()).as(run.output()).isTrue();
      var broker = ProcessHandle.of(Long.parseLong(matcher.group(1))).orElseThrow();
      try {
        assertThat(broker.isAlive()).isTrue();
        var url = Files.readString(Path.of("target/quickstart/broker.url"), UTF_8).strip();
        var port = URI.create(url).getPort();
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
          assertThat(socket.isConnected()).isTrue();
        }
      } finally {
        broker.destroy();
        broker.onExit().get(30, TimeUnit.SECONDS);
      }
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the kept demo broker did not stop on SIGTERM", e);
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aTakenPortGivenWithPortIsAnErrorAndNothingIsPlannedOrApplied()
      throws IOException, InterruptedException {
    try (var taken = bindLoopback(8080)) {
      var run = quickstart("--no-build", "--port", "8080");

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.output())
          .isEqualTo(
              "==> Starting the demo broker (log: target/quickstart/demo-broker.log)\n"
                  + "quickstart: the demo broker did not start:\n"
                  + "demo-broker: port 8080 on 127.0.0.1 is taken by another process; choose"
                  + " another with --port N (--port 0 picks a free one)\n");
      assertThat(Path.of("target/quickstart/catalog.state.json")).doesNotExist();
      assertThat(taken.accept()).isNull();
    }
  }

  private record Run(int code, String output) {}

  private static Run quickstart(String... args) throws IOException, InterruptedException {
    var command = new java.util.ArrayList<>(List.of("bin/quickstart"));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DEMO_BROKER_CLASSPATH", System.getProperty("java.class.path"));
    builder.environment().remove("DEMO_BROKER_PASSWORD");
    var process = builder.start();
    var output = new String(process.getInputStream().readAllBytes(), UTF_8);
    return new Run(process.waitFor(), output);
  }

  /**
   * A non-blocking listener on 127.0.0.1:PORT, standing for "another process": accept() returns
   * null unless something connected to it.
   */
  private static ServerSocketChannel bindLoopback(int port) throws IOException {
    var channel = ServerSocketChannel.open();
    channel.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
    channel.configureBlocking(false);
    return channel;
  }
}
