package dev.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code fromSecret} references read through fabric8 from an in-process Kubernetes API. */
@EnableKubernetesMockClient(crud = true)
class SecretResolverKubernetesIT {
  static final String TOKEN = "k8s-t0ken-value";

  KubernetesClient client;

  @BeforeEach
  void createSecret() {
    client
        .secrets()
        .inNamespace("ops")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("broker")
                .endMetadata()
                .addToData("token", base64(TOKEN))
                .addToData("user", base64("admin"))
                .build())
        .create();
  }

  @Test
  void resolvesAKeyOfAKubernetesSecret() {
    var secret = resolver().resolve(ref("broker", "token"));
    assertThat(secret.reveal()).isEqualTo(TOKEN);
    assertThat(secret.toString()).isEqualTo("(sensitive)");
  }

  @Test
  void aMissingKeyListsTheKeysTheSecretHasButNoValue() {
    assertThatThrownBy(() -> resolver().resolve(ref("broker", "password")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "catalog.yaml:5:32: brokers[0].auth.bearer.token: Kubernetes Secret \"ops/broker\" has"
                + " no key \"password\"; it has: token, user")
        .message()
        .doesNotContain(TOKEN);
  }

  @Test
  void aMissingSecretIsAnErrorNamingIt() {
    assertThatThrownBy(() -> resolver().resolve(ref("nope", "token")))
        .hasMessage(
            "catalog.yaml:5:32: brokers[0].auth.bearer.token: Kubernetes Secret \"ops/nope\" not"
                + " found");
  }

  @Test
  void theClientIsOnlyCreatedWhenASecretIsRead() {
    var resolver =
        new SecretResolver(
            Map.of("T", TOKEN),
            () -> {
              throw new AssertionError("not needed for fromEnv");
            });
    assertThat(resolver.resolve(new SecretRef.FromEnv("T", "f", loc())).reveal()).isEqualTo(TOKEN);
  }

  SecretResolver resolver() {
    return new SecretResolver(Map.of(), () -> client);
  }

  static SecretRef ref(String name, String key) {
    return new SecretRef.FromSecret("ops", name, key, "brokers[0].auth.bearer.token", loc());
  }

  static Location loc() {
    return new Location("catalog.yaml", 5, 32);
  }

  static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
