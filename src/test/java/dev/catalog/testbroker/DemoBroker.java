package dev.catalog.testbroker;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;

/**
 * The demo broker: the reference broker on port 8080 ({@code --port N}; 0 picks a free one), user
 * {@code admin}, password from {@code DEMO_BROKER_PASSWORD} (default {@code demo}). Run by {@code
 * bin/demo-broker} and {@code bin/quickstart}; prints its URLs and credentials, then serves until
 * interrupted. {@code --ready-file F} writes its base URL to F once it answers: bin/quickstart waits
 * for that file rather than for "something listens on the port", which another process could be.
 */
public final class DemoBroker {
  private static final String USAGE =
      "usage: demo-broker [--port N] [--async-seconds S] [--ready-file FILE]";

  private DemoBroker() {}

  public static void main(String[] args) throws InterruptedException, IOException {
    int port = 8080;
    var asyncSeconds = 10L;
    Path readyFile = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i));
        case "--async-seconds" -> asyncSeconds = Long.parseLong(value(args, ++i));
        case "--ready-file" -> readyFile = Path.of(value(args, ++i));
        default -> exit(USAGE);
      }
    }
    if (port != 0 && !free(port)) {
      exit(
          "demo-broker: port "
              + port
              + " on 127.0.0.1 is taken by another process; choose another with --port N"
              + " (--port 0 picks a free one)");
    }
    var password = System.getenv().getOrDefault("DEMO_BROKER_PASSWORD", "demo");
    var options =
        new ReferenceBroker.Options(
            "127.0.0.1", port, password, Clock.systemUTC(), Duration.ofSeconds(asyncSeconds));
    var broker = ReferenceBroker.start(options);
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
    System.out.println("Demo OSB broker listening on " + broker.baseUrl(""));
    System.out.println(
        "  broker URLs: "
            + broker.baseUrl("data")
            + " (db service), "
            + broker.baseUrl("messaging")
            + " (queue service), "
            + broker.baseUrl("streams")
            + " (stream service: async bindings)");
    System.out.println("  username:    " + ReferenceBroker.USERNAME);
    System.out.println(
        "  password:    "
            + password
            + (System.getenv("DEMO_BROKER_PASSWORD") == null ? " (set DEMO_BROKER_PASSWORD)" : ""));
    System.out.println("Press Ctrl-C to stop.");
    if (readyFile != null) {
      // Written whole then moved, so a reader never sees half a URL.
      var partial = readyFile.resolveSibling(readyFile.getFileName() + ".partial");
      Files.writeString(partial, "http://127.0.0.1:" + broker.port() + "\n", UTF_8);
      Files.move(partial, readyFile, StandardCopyOption.ATOMIC_MOVE);
    }
    Thread.currentThread().join();
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      exit(USAGE);
    }
    return args[i];
  }

  /** Spring's own failure for a taken port is a page of stack trace; this says it in one line. */
  private static boolean free(int port) {
    try (var socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void exit(String message) {
    System.err.println(message);
    System.exit(2);
  }
}
