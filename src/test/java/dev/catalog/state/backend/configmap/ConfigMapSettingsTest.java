package dev.catalog.state.backend.configmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import dev.catalog.RemoteLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigMapSettingsTest {
  private static final Path BASE = Path.of("/work/config");

  @Test
  void emptySettingsUseTheDefaultNameAndTheKubeconfigsNamespace() {
    assertThat(ConfigMapSettings.parse(Map.of(), BASE))
        .isEqualTo(
            new ConfigMapSettings(
                Optional.empty(),
                "catalog-state",
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(60),
                new RemoteLimits(
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(60),
                    "connectTimeout in the backend block",
                    "requestTimeout in the backend block")));
  }

  @Test
  void everySettingIsReadAndARelativeKubeconfigResolvesAgainstTheConfigDirectory() {
    ConfigMapSettings settings =
        ConfigMapSettings.parse(
            Map.of(
                "namespace", "shop",
                "name", "orders-state",
                "kubeconfig", "kube/config.yaml",
                "context", "prod",
                "leaseDurationSeconds", "30",
                "connectTimeout", "5s",
                "requestTimeout", "2m"),
            BASE);

    assertThat(settings)
        .isEqualTo(
            new ConfigMapSettings(
                Optional.of("shop"),
                "orders-state",
                Optional.of(BASE.resolve("kube/config.yaml")),
                Optional.of("prod"),
                Duration.ofSeconds(30),
                new RemoteLimits(
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(2),
                    "connectTimeout in the backend block",
                    "requestTimeout in the backend block")));
    assertThat(settings.leaseName()).isEqualTo("orders-state-lock");
  }

  @Test
  void kubeconfigUnderHomeIsExpanded() {
    assertThat(ConfigMapSettings.parse(Map.of("kubeconfig", "~/.kube/config"), BASE).kubeconfig())
        .contains(Path.of(System.getProperty("user.home"), ".kube", "config"));
  }

  @Test
  void unknownSettingIsAnErrorListingTheKnownOnes() {
    assertThatThrownBy(() -> ConfigMapSettings.parse(Map.of("namespase", "shop"), BASE))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "Unknown configmap backend setting 'namespase'; known settings: connectTimeout,"
                + " context, kubeconfig, leaseDurationSeconds, name, namespace, requestTimeout.");
  }

  @Test
  void aTimeoutThatIsNotADurationIsAnErrorNamingTheSetting() {
    assertThatThrownBy(() -> ConfigMapSettings.parse(Map.of("requestTimeout", "soon"), BASE))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "requestTimeout in the backend block: invalid duration 'soon': use a number with ms,"
                + " s, m, h or d, e.g. 30s or 5m");
  }

  @Test
  void nameThatIsNotADnsNameIsAnError() {
    assertThatThrownBy(() -> ConfigMapSettings.parse(Map.of("name", "Catalog_State"), BASE))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "configmap backend setting 'name' must be a lower-case DNS name of at most 230"
                + " characters, got 'Catalog_State'.");
  }

  @Test
  void namespaceThatIsNotADnsLabelIsAnError() {
    assertThatThrownBy(() -> ConfigMapSettings.parse(Map.of("namespace", "a.b"), BASE))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "configmap backend setting 'namespace' must be a lower-case DNS label of at most 63"
                + " characters, got 'a.b'.");
  }

  @Test
  void leaseDurationMustBeAPositiveWholeNumber() {
    assertThatThrownBy(() -> ConfigMapSettings.parse(Map.of("leaseDurationSeconds", "0.5"), BASE))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "configmap backend setting 'leaseDurationSeconds' must be a whole number of seconds"
                + " >= 1, got '0.5'.");
  }
}
