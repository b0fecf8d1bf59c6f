package dev.catalog.plan;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.catalog.config.ConfigObject;
import dev.catalog.config.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Schema drafts (checklist C-12) and remote references, which are never fetched (C-13). */
class ParameterValidatorTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final Location AT = new Location("catalog.yaml", 7, 9);

  private static ConfigObject written(String json) {
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) RecordedFixture.json(json);
    return ConfigObject.of(node, "instances[0].parameters", AT, Map.of("/size", AT));
  }

  @Test
  void neverFetchesARemoteRefAndSaysTheParametersWereNotValidated() {
    var schema =
        RecordedFixture.json(
            "{\"$schema\": \"http://json-schema.org/draft-07/schema#\","
                + " \"$ref\": \""
                + wm.baseUrl()
                + "/remote.json\"}");
    var notes = new ArrayList<String>();

    var problems =
        ParameterValidator.validate(
            schema,
            RecordedFixture.json("{\"size\": 1}"),
            written("{\"size\": 1}"),
            List.of(),
            "instance.db",
            notes);

    assertThat(problems).isEmpty();
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0))
        .startsWith("instance.db: the broker's parameter schema cannot be used (")
        .endsWith(
            "); remote $ref are never fetched (checklist C-13), so parameters were not"
                + " validated");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void readsABooleanExclusiveMaximumAsDraft04() {
    var schema =
        RecordedFixture.json(
            "{\"$schema\": \"http://json-schema.org/draft-04/schema#\","
                + " \"properties\": {\"size\": {\"type\": \"integer\", \"maximum\": 10,"
                + " \"exclusiveMaximum\": true}}}");

    var problems =
        ParameterValidator.validate(
            schema,
            RecordedFixture.json("{\"size\": 10}"),
            written("{\"size\": 10}"),
            List.of(),
            "instance.db",
            new ArrayList<>());

    // 10 is refused: under draft-04 the boolean makes the maximum exclusive.
    assertThat(problems)
        .extracting(Object::toString)
        .containsExactly(
            "catalog.yaml:7:9: instances[0].parameters.size: must have a maximum value of 10");
  }
}
