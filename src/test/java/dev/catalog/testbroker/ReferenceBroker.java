package dev.catalog.testbroker;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running reference broker inside this JVM: its port, ledger and fault injector. Tests start one
 * on a free loopback port; {@link DemoBroker} starts one on a fixed port.
 */
public final class ReferenceBroker implements AutoCloseable {
  public static final String USERNAME = "admin";

  /** How to start: port 0 picks a free one. */
  public record Options(
      String host, int port, String password, Clock clock, Duration asyncDuration) {
    public Options {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(asyncDuration, "asyncDuration");
    }

    /** Free loopback port, the given password and clock, async operations lasting 30 s. */
    public static Options forTests(String password, Clock clock) {
      return new Options("127.0.0.1", 0, password, clock, Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
      return "Options[host=" + host + ", port=" + port + ", password=(sensitive)]";
    }
  }

  private final ConfigurableApplicationContext context;
  private final BrokerLedger ledger;
  private final FaultInjector faults;
  private final Options options;
  private final int port;

  private ReferenceBroker(
      ConfigurableApplicationContext context,
      BrokerLedger ledger,
      FaultInjector faults,
      Options options) {
    this.context = context;
    this.ledger = ledger;
    this.faults = faults;
    this.options = options;
    this.port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Starts the broker and returns once it listens. */
  public static ReferenceBroker start(Options options) {
    quietLogging();
    var ledger = new BrokerLedger(options.clock(), options.asyncDuration());
    var faults = new FaultInjector();
    var context =
        new SpringApplicationBuilder(BrokerApplication.class)
            .web(WebApplicationType.SERVLET)
            .logStartupInfo(false)
            .properties(
                Map.of(
                    "server.address",
                    options.host(),
                    "server.port",
                    String.valueOf(options.port()),
                    "spring.main.banner-mode",
                    "off",
                    "server.error.include-message",
                    "never"))
            .initializers(
                ctx -> {
                  var beans = ctx.getBeanFactory();
                  beans.registerSingleton("brokerLedger", ledger);
                  beans.registerSingleton("faultInjector", faults);
                  beans.registerSingleton("brokerOptions", options);
                })
            .run();
    return new ReferenceBroker(context, ledger, faults, options);
  }

  /** Tomcat and Hibernate Validator log through JUL; strong references keep the levels. */
  private static final java.util.List<java.util.logging.Logger> JUL_LOGGERS =
      java.util.List.of(
          java.util.logging.Logger.getLogger("org.apache"),
          java.util.logging.Logger.getLogger("org.hibernate"));

  /**
   * Spring logs through SLF4J (slf4j-simple here): warnings only, and none from the OSB
   * controllers, which log every 4xx they answer (expected in these tests) as an error.
   */
  private static void quietLogging() {
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    System.setProperty("org.slf4j.simpleLogger.log.org.springframework", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.org.springframework.cloud.servicebroker", "off");
    System.setProperty("org.slf4j.simpleLogger.log.org.apache", "warn");
    JUL_LOGGERS.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
  }

  public int port() {
    return port;
  }

  /** The base URL with a platform-instance prefix such as {@code data}, or none for "". */
  public URI baseUrl(String prefix) {
    var root = "http://" + options.host() + ":" + port;
    return URI.create(prefix.isEmpty() ? root : root + "/" + prefix);
  }

  public String password() {
    return options.password();
  }

  public BrokerLedger ledger() {
    return ledger;
  }

  public FaultInjector faults() {
    return faults;
  }

  @Override
  public void close() {
    faults.close();
    context.close();
  }
}
