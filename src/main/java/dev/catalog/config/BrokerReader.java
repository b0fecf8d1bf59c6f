package dev.catalog.config;

import dev.catalog.config.FileContents.Kind;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/** Binds one item of {@code brokers:}. */
final class BrokerReader {
  static final List<String> KEYS =
      List.of(
          "name",
          "url",
          "apiVersion",
          "auth",
          "tls",
          "originatingIdentity",
          "timeouts",
          "concurrency");

  private BrokerReader() {}

  static void read(YamlNode item, int index, FileContents out, ReadContext context) {
    var fields = new HashMap<String, Location>();
    var found = MapReader.of(item, "brokers[" + index + "]", "", fields, context);
    if (found.isEmpty()) {
      return;
    }
    var r = found.get().allowOnly(KEYS);
    var written = r.requiredString("name");
    // Declared even when invalid, so references to it are not reported a second time.
    written.ifPresent(n -> out.declare(Kind.BROKER, n, r.locationOf("name"), r.pathOf("name")));
    var name = written.filter(n -> ValueChecks.checkName(r, "name", n));
    var url = r.requiredString("url").flatMap(u -> ValueChecks.brokerUrl(r, "url", u));
    var apiVersion =
        r.string("apiVersion")
            .filter(v -> ValueChecks.checkApiVersion(r, "apiVersion", v))
            .orElse(Broker.DEFAULT_API_VERSION);
    var auth = r.object("auth").flatMap(BrokerReader::auth);
    var tls = r.object("tls").map(BrokerReader::tls).orElse(Tls.defaults());
    var identity = r.object("originatingIdentity").flatMap(BrokerReader::identity);
    var timeouts = r.object("timeouts").map(BrokerReader::timeouts).orElse(Timeouts.defaults());
    int concurrency = r.integer("concurrency").orElse(Broker.DEFAULT_CONCURRENCY);
    if (concurrency < 1) {
      r.error("concurrency", "must be at least 1", "");
      concurrency = Broker.DEFAULT_CONCURRENCY;
    }
    if (name.isPresent() && url.isPresent()) {
      var source = new Source(r.path(), r.location(), r.context().locations(fields));
      out.brokers.add(
          new Broker(
              name.get(),
              url.get(),
              apiVersion,
              auth,
              tls,
              identity,
              timeouts,
              concurrency,
              source));
    }
  }

  private static Optional<BrokerAuthRefs> auth(MapReader auth) {
    auth.allowOnly(List.of("basic", "bearer"));
    boolean basic = auth.has("basic");
    boolean bearer = auth.has("bearer");
    if (basic == bearer) {
      auth.context()
          .diagnostics()
          .error(
              auth.location(),
              auth.path(),
              basic ? "give only one of basic, bearer" : "expected basic or bearer",
              "write basic: {username: NAME, password: {fromEnv: VAR}} or bearer: {token: ...}");
      return Optional.empty();
    }
    if (basic) {
      return auth.object("basic")
          .flatMap(
              b -> {
                b.allowOnly(List.of("username", "password"));
                var username = SecretRefReader.read(b, "username", true, true);
                var password = SecretRefReader.read(b, "password", true, false);
                return username.isPresent() && password.isPresent()
                    ? Optional.of(new BrokerAuthRefs.Basic(username.get(), password.get()))
                    : Optional.empty();
              });
    }
    return auth.object("bearer")
        .flatMap(b -> SecretRefReader.read(b.allowOnly(List.of("token")), "token", true, false))
        .map(BrokerAuthRefs.Bearer::new);
  }

  private static Tls tls(MapReader tls) {
    tls.allowOnly(List.of("caFile", "insecureSkipVerify"));
    var caFile = tls.string("caFile").map(f -> tls.context().resolve(f));
    boolean insecure = tls.bool("insecureSkipVerify").orElse(false);
    if (insecure && caFile.isPresent()) {
      tls.error(
          "insecureSkipVerify",
          "contradicts caFile: with insecureSkipVerify no certificate is checked",
          "remove one of the two");
    }
    return new Tls(caFile, insecure);
  }

  private static Optional<OriginatingIdentity> identity(MapReader identity) {
    identity.allowOnly(List.of("platform", "value"));
    var platform = identity.requiredString("platform");
    if (!identity.has("value")) {
      identity.error("value", "missing required key", "");
      return Optional.empty();
    }
    var value = ConfigObjectReader.read(identity, "value", identity.location());
    return platform.map(p -> new OriginatingIdentity(p, value));
  }

  private static Timeouts timeouts(MapReader timeouts) {
    timeouts.allowOnly(List.of("connect", "request"));
    Duration connect =
        timeouts
            .string("connect")
            .flatMap(t -> ValueChecks.duration(timeouts, "connect", t))
            .orElse(Timeouts.DEFAULT_CONNECT);
    Duration request =
        timeouts
            .string("request")
            .flatMap(t -> ValueChecks.duration(timeouts, "request", t))
            .orElse(Timeouts.DEFAULT_REQUEST);
    return new Timeouts(connect, request);
  }
}
