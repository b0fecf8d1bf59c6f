package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C while catalog waits for a broker's catalog: it says nothing was changed and exits 130
 * (issue 19, item 10). A real process and a real SIGINT, since a signal cannot be sent to the JVM
 * running the tests; the broker is a socket that accepts and never answers.
 */
@Timeout(60)
class InterruptWhilePlanningTest {
  @TempDir Path dir;

  @Test
  void ctrlCWhilePlanningSaysNothingWasChangedAndExits130() throws Exception {
    try (var broker = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      var config =
          Files.writeString(
              dir.resolve("catalog.yaml"),
              """
              apiVersion: catalog/v1
              brokers:
                - name: silent
                  url: http://127.0.0.1:%d
                  timeouts: { request: 5m }
              instances:
                - { name: one, broker: silent, service: db, plan: small }
              """
                  .formatted(broker.getLocalPort()));
      var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      var process =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "plan",
                  "-f",
                  config.toString())
              .directory(dir.toFile())
              .redirectOutput(dir.resolve("out.txt").toFile())
              .redirectError(dir.resolve("err.txt").toFile())
              .start();
      try (Socket asked = broker.accept()) {
        // The catalog request has arrived: catalog is planning, waiting for the answer.
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        process.destroyForcibly();
      }
      assertThat(process.exitValue()).isEqualTo(130);
      assertThat(Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8))
          .isEqualTo(
              "\nInterrupted while planning: nothing was changed at any broker or in state.\n");
      assertThat(dir.resolve("catalog.state.json")).doesNotExist();
    }
  }
}
