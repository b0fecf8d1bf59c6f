package dev.catalog.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.catalog.CatalogException;
import dev.catalog.Secret;
import dev.catalog.osb.BrokerAuth;
import dev.catalog.osb.BrokerConnection;
import dev.catalog.osb.TlsSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads only the {@code brokers:} section of {@code catalog.yaml} (url, apiVersion, basic or
 * bearer auth with {@code fromEnv}/{@code fromFile} secrets, tls caFile/insecureSkipVerify).
 * Interim: replaced by the config loader of issue 2, which also gives file:line:column errors.
 */
final class InterimBrokerDirectory implements BrokerDirectory {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Override
  public List<ConfiguredBroker> brokers(Path config, CliEnvironment env) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(config, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CatalogException(config + ": cannot read configuration: " + e.getMessage(), e);
    }
    var brokers = root == null ? null : root.get("brokers");
    if (brokers == null || !brokers.isArray()) {
      throw new CatalogException(config + ": brokers: a list of brokers is required");
    }
    var out = new ArrayList<ConfiguredBroker>();
    for (int i = 0; i < brokers.size(); i++) {
      out.add(broker(config, "brokers[" + i + "]", brokers.get(i), env));
    }
    return out;
  }

  private static ConfiguredBroker broker(Path config, String path, JsonNode node, CliEnvironment env) {
    var name = text(config, path + ".name", node.get("name"));
    var url = text(config, path + ".url", node.get("url"));
    BrokerConnection connection;
    try {
      connection = BrokerConnection.of(URI.create(url), auth(config, path + ".auth", node, env));
      if (node.hasNonNull("apiVersion")) {
        connection = connection.withApiVersion(node.get("apiVersion").asText());
      }
      var tls = node.path("tls");
      if (tls.hasNonNull("caFile")) {
        var base = config.toAbsolutePath().getParent();
        connection = connection.withTls(TlsSettings.withCaFile(base.resolve(tls.get("caFile").asText())));
      } else if (tls.path("insecureSkipVerify").asBoolean(false)) {
        connection = connection.withTls(TlsSettings.insecure());
      }
    } catch (IllegalArgumentException e) {
      throw new CatalogException(config + ": " + path + ": " + e.getMessage(), e);
    }
    return new ConfiguredBroker(name, connection);
  }

  private static BrokerAuth auth(Path config, String path, JsonNode broker, CliEnvironment env) {
    var auth = broker.path("auth");
    if (auth.has("basic")) {
      var basic = auth.get("basic");
      return BrokerAuth.basic(text(config, path + ".basic.username", basic.get("username")),
          secret(config, path + ".basic.password", basic.get("password"), env));
    }
    if (auth.has("bearer")) {
      return BrokerAuth.bearer(secret(config, path + ".bearer.token",
          auth.get("bearer").get("token"), env));
    }
    return BrokerAuth.none();
  }

  private static Secret secret(Path config, String path, JsonNode ref, CliEnvironment env) {
    if (ref != null && ref.hasNonNull("fromEnv")) {
      var name = ref.get("fromEnv").asText();
      var value = env.env().get(name);
      if (value == null) {
        throw new CatalogException(config + ": " + path + ": environment variable " + name
            + " is not set");
      }
      return Secret.of(value);
    }
    if (ref != null && ref.hasNonNull("fromFile")) {
      var file = config.toAbsolutePath().getParent().resolve(ref.get("fromFile").asText());
      try {
        return Secret.of(Files.readString(file, StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        throw new CatalogException(config + ": " + path + ": cannot read " + file, e);
      }
    }
    throw new CatalogException(config + ": " + path + ": expected { fromEnv: NAME } or"
        + " { fromFile: PATH }");
  }

  private static String text(Path config, String path, JsonNode node) {
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      throw new CatalogException(config + ": " + path + ": a non-empty string is required");
    }
    return node.asText();
  }
}
