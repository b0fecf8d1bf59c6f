package dev.catalog.sink;

import static dev.catalog.sink.KubernetesSecretSinkIT.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import dev.catalog.config.CredentialsTarget.FileFormat;
import dev.catalog.config.CredentialsTarget.FileTarget;
import dev.catalog.config.CredentialsTarget.SecretTarget;
import dev.catalog.config.KeyTransform;
import dev.catalog.config.KeyTransform.AddKeyFromPointer;
import dev.catalog.config.KeyTransform.RemoveKey;
import dev.catalog.config.KeyTransform.RenameKey;
import dev.catalog.config.ServiceBindingLayout;
import dev.catalog.state.Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transforms, JSON Pointer extraction and the servicebinding.io layout (issue 13 item 3). */
class ShapingTest {
  private static final Address APP = Address.binding("cache-app");
  private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
  private static final String PASSWORD = "s3cr3t-shaping-pw";

  @TempDir Path dir;

  private static Credentials nested() {
    return Credentials.of(
        json(
            "{\"hosts\":[{\"name\":\"cache-0.example\",\"port\":6379},"
                + "{\"name\":\"cache-1.example\",\"port\":6380}],"
                + "\"tls\":{\"ca\":\""
                + CA.replace("\n", "\\n")
                + "\"},\"a/b~c\":\"escaped\",\"username\":\"u\",\"password\":\""
                + PASSWORD
                + "\"}"));
  }

  @Test
  void pointersSelectNestedValuesOfTheBrokersCredentialsWhateverTheTransformsBefore() {
    var shaped =
        Shaping.apply(
            APP,
            nested(),
            List.of(
                new RemoveKey("hosts"),
                new AddKeyFromPointer("DB_HOST", "/hosts/1/name"),
                new AddKeyFromPointer("DB_PORT", "/hosts/1/port"),
                new AddKeyFromPointer("CA", "/tls/ca"),
                new AddKeyFromPointer("ESCAPED", "/a~1b~0c"),
                new AddKeyFromPointer("TLS", "/tls"),
                new RenameKey("password", "DB_PASSWORD"),
                new RemoveKey("tls"),
                new RemoveKey("a/b~c")));

    assertThat(
            SecretPayload.of(APP, Credentials.of(shaped), new SecretTarget("shop", "c", List.of())))
        .containsExactly(
            Map.entry("username", "u"),
            Map.entry("DB_HOST", "cache-1.example"),
            Map.entry("DB_PORT", "6380"),
            Map.entry("CA", CA),
            Map.entry("ESCAPED", "escaped"),
            Map.entry("TLS", "{\"ca\":\"" + CA.replace("\n", "\\n") + "\"}"),
            Map.entry("DB_PASSWORD", PASSWORD));
  }

  @Test
  void aPointerThatSelectsNothingFailsNamingTheBindingKeyAndPointerButNoValue() {
    assertThatThrownBy(
            () ->
                Shaping.apply(
                    APP, nested(), List.of(new AddKeyFromPointer("DB_HOST", "/hosts/2/name"))))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "binding.cache-app: addKey \"DB_HOST\": fromPointer /hosts/2/name selects nothing in"
                + " the credentials the broker returned (keys: hosts, tls, a/b~c, username,"
                + " password); correct the pointer under credentials.*.transforms");
  }

  @Test
  void fileSinksKeepTheirFormatWithTheSameShaping() throws IOException {
    Path file = dir.resolve("cache.env");
    List<KeyTransform> transforms =
        List.of(
            new AddKeyFromPointer("CACHE_HOST", "/hosts/0/name"),
            new AddKeyFromPointer("CACHE_PORT", "/hosts/0/port"),
            new RemoveKey("hosts"),
            new RemoveKey("tls"),
            new RemoveKey("a/b~c"),
            new RenameKey("username", "CACHE_USER"),
            new RenameKey("password", "CACHE_PASSWORD"));

    new FileSink(new FileTarget(file, "cache.env", "0600", FileFormat.ENV, transforms))
        .write(APP, nested());

    assertThat(Files.readString(file))
        .isEqualTo(
            "CACHE_HOST=cache-0.example\nCACHE_PORT=6379\nCACHE_USER=u\nCACHE_PASSWORD="
                + PASSWORD
                + "\n");
  }

  @Test
  void theServiceBindingLayoutPutsTypeAndProviderFirstAndChecksWellKnownEntries() {
    var layout = new ServiceBindingLayout("redis", Optional.of("acme"));
    var target =
        new SecretTarget(
            Optional.empty(),
            "shop",
            "cache",
            List.of(
                new AddKeyFromPointer("host", "/hosts/0/name"),
                new AddKeyFromPointer("port", "/hosts/0/port"),
                new AddKeyFromPointer("certificates", "/tls/ca"),
                new RemoveKey("hosts"),
                new RemoveKey("tls"),
                new RemoveKey("a/b~c")),
            layout.secretType(),
            Map.of(),
            Map.of(),
            Optional.of(layout));

    assertThat(SecretPayload.of(APP, nested(), target))
        .containsExactly(
            Map.entry("type", "redis"),
            Map.entry("provider", "acme"),
            Map.entry("username", "u"),
            Map.entry("password", PASSWORD),
            Map.entry("host", "cache-0.example"),
            Map.entry("port", "6379"),
            Map.entry("certificates", CA));
  }

  @Test
  void aWellKnownEntryThatBreaksTheSpecsRequirementIsRefusedNamingItButNotItsValue() {
    var layout = new ServiceBindingLayout("redis", Optional.empty());
    var target =
        new SecretTarget(
            Optional.empty(),
            "shop",
            "cache",
            List.of(
                new AddKeyFromPointer("port", "/hosts/0/name"),
                new RemoveKey("hosts"),
                new RemoveKey("tls"),
                new RemoveKey("a/b~c")),
            layout.secretType(),
            Map.of(),
            Map.of(),
            Optional.of(layout));

    assertThatThrownBy(() -> SecretPayload.of(APP, nested(), target))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "binding.cache-app: credential \"port\" is a well-known servicebinding.io entry and"
                + " must be a valid port number, which its value is not; rename it with a"
                + " transform under credentials.secret.transforms (the specification requires"
                + " other names for such entries), or fill it from another credential"
                + " (docs/credentials.md)");
  }

  @Test
  void wellKnownValuesAreCheckedAsTheSpecificationRequires() {
    assertThat(ServiceBindingEntries.isHost("db-0.example.org")).isTrue();
    assertThat(ServiceBindingEntries.isHost("10.0.0.7")).isTrue();
    assertThat(ServiceBindingEntries.isHost("fd00::7")).isTrue();
    assertThat(ServiceBindingEntries.isHost("db host")).isFalse();
    assertThat(ServiceBindingEntries.isHost("https://db.example")).isFalse();
    assertThat(ServiceBindingEntries.isPort("5432")).isTrue();
    assertThat(ServiceBindingEntries.isPort("0")).isFalse();
    assertThat(ServiceBindingEntries.isPort("65536")).isFalse();
    assertThat(ServiceBindingEntries.isUri("postgres://u@db.example:5432/orders")).isTrue();
    assertThat(ServiceBindingEntries.isUri("db.example:5432 orders")).isFalse();
    assertThat(ServiceBindingEntries.isUri("just-a-path")).isFalse();
  }
}
