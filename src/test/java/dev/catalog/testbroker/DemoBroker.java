package dev.catalog.testbroker;

import java.time.Clock;
import java.time.Duration;

/**
 * The demo broker: the reference broker on a fixed port (8080, or {@code --port N}), user {@code
 * admin}, password from {@code DEMO_BROKER_PASSWORD} (default {@code demo}). Run by {@code
 * bin/demo-broker}; prints its URLs and credentials, then serves until interrupted.
 */
public final class DemoBroker {
  private DemoBroker() {}

  public static void main(String[] args) throws InterruptedException {
    int port = 8080;
    var asyncSeconds = 10L;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--async-seconds" -> asyncSeconds = Long.parseLong(args[++i]);
        default -> {
          System.err.println("usage: demo-broker [--port N] [--async-seconds S]");
          System.exit(2);
        }
      }
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
    Thread.currentThread().join();
  }
}
