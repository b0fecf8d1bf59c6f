package dev.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.config.CredentialsTarget.FileFormat;
import dev.catalog.config.CredentialsTarget.FileTarget;
import dev.catalog.config.CredentialsTarget.SecretTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 13: a sink configuration is compared as a whole, by the digest of its canonical form. */
class SinkDigestTest {
  private static SecretTarget secret(
      String name, List<KeyTransform> transforms, Map<String, String> labels) {
    return new SecretTarget(
        Optional.empty(),
        "shop",
        name,
        transforms,
        SecretTarget.DEFAULT_TYPE,
        labels,
        Map.of(),
        Optional.empty());
  }

  @Test
  void theSameConfigurationHasTheSameDigestsWhateverTheLabelOrder() {
    var a = secret("db", List.of(), Map.of("a", "1", "b", "2"));
    var b = secret("db", List.of(), Map.of("b", "2", "a", "1"));

    assertThat(SinkDigest.whole(a)).isEqualTo(SinkDigest.whole(b)).startsWith("sha256:");
    assertThat(SinkDigest.shaping(a)).isEqualTo(SinkDigest.shaping(b));
  }

  @Test
  void anotherNameOrLabelChangesTheWholeDigestButNotTheShaping() {
    var before = secret("db", List.of(), Map.of());

    for (var after :
        List.of(secret("db-v2", List.of(), Map.of()), secret("db", List.of(), Map.of("x", "y")))) {
      assertThat(SinkDigest.whole(after)).isNotEqualTo(SinkDigest.whole(before));
      assertThat(SinkDigest.shaping(after)).isEqualTo(SinkDigest.shaping(before));
    }
  }

  @Test
  void transformsWithTheSameFieldsButAnotherKindAreToldApart() {
    var remove = secret("db", List.of(new KeyTransform.RemoveKey("password")), Map.of());
    var json = secret("db", List.of(new KeyTransform.JsonKey("password")), Map.of());

    assertThat(SinkDigest.shaping(remove)).isNotEqualTo(SinkDigest.shaping(json));
    assertThat(SinkDigest.transforms(remove)).isNotEqualTo(SinkDigest.transforms(json));
  }

  @Test
  void aFileInsteadOfASecretChangesTheShapingAndThePathAsWrittenDoesNot() {
    var secret = secret("db", List.of(), Map.of());
    var file = new FileTarget(Path.of("/tmp/x/../db.json"), "../db.json", "0600", FileFormat.JSON);
    var same = new FileTarget(Path.of("/tmp/db.json"), "/tmp/db.json", "0600", FileFormat.JSON);

    assertThat(SinkDigest.shaping(file)).isNotEqualTo(SinkDigest.shaping(secret));
    assertThat(SinkDigest.whole(file)).isEqualTo(SinkDigest.whole(same));
  }

  @Test
  void theCanonicalFormNamesEveryFieldOfTheRecordWithItsType() {
    var target = secret("db", List.of(new KeyTransform.RenameKey("a", "b")), Map.of("k", "v"));

    assertThat(SinkDigest.canonical(target, java.util.Set.of()))
        .isEqualTo(
            "{\"@type\":\"SecretTarget\",\"context\":null,\"namespace\":\"shop\",\"name\":\"db\","
                + "\"transforms\":[{\"@type\":\"RenameKey\",\"from\":\"a\",\"to\":\"b\"}],"
                + "\"type\":\"Opaque\",\"labels\":{\"k\":\"v\"},\"annotations\":{},"
                + "\"layout\":null}");
  }
}
