package dev.catalog.testgit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runs the helper programs the test servers need. */
final class Processes {
  private Processes() {}

  /** Runs {@code command} to its end in {@code dir}; fails with its output unless it exits 0. */
  static String run(Path dir, List<String> command) {
    try {
      var process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts a server program, its output going to {@code log}. */
  static Process start(Path dir, Path log, List<String> command) {
    try {
      return new ProcessBuilder(command)
          .directory(dir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loopback port free at the time of asking. */
  static int freePort() {
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code port} accepts connections, failing with the log if the process dies. */
  static void awaitPort(Process process, int port, Path log) {
    var deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited: " + read(log));
      }
      try (var socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    throw new IllegalStateException("server did not listen on " + port + ": " + read(log));
  }

  static void awaitFile(Process process, Path file, Path log) {
    var deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!Files.exists(file)) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("no " + file + ": " + read(log));
      }
      sleep();
    }
  }

  static void stop(Process process) {
    if (process == null) {
      return;
    }
    // fcgiwrap's pre-forked children (and nginx's workers) outlive a parent stopped alone.
    var children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(no log)";
    } catch (IOException e) {
      return "(unreadable log: " + e.getMessage() + ")";
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
