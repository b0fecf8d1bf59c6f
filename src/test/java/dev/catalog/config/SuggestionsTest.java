package dev.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
  static final List<String> KEYS = InstanceReader.KEYS;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "paln, plan",
    "plans, plan",
    "servce, service",
    "Broker, broker",
    "paramters, parameters",
    "parametersfrom, parametersFrom",
    "lifecyle, lifecycle",
    "maintainance, maintenance",
  })
  void suggestsTheNearestKeyForATypo(String typo, String nearest) {
    assertThat(Suggestions.nearest(typo, KEYS)).contains(nearest);
    assertThat(Suggestions.hint(typo, KEYS)).isEqualTo("did you mean \"" + nearest + "\"?");
  }

  @ParameterizedTest
  @CsvSource({"colour", "x", "region"})
  void listsTheValidKeysWhenNothingIsClose(String word) {
    assertThat(Suggestions.nearest(word, KEYS)).isEmpty();
    assertThat(Suggestions.hint(word, List.of("auto", "pinned")))
        .isEqualTo("expected one of: auto, pinned");
  }

  @ParameterizedTest
  @CsvSource({"abc, abc, 0", "abc, acb, 1", "kitten, sitting, 3", "'', abc, 3"})
  void measuresEditDistanceWithTranspositions(String a, String b, int distance) {
    assertThat(Suggestions.distance(a, b)).isEqualTo(distance);
  }
}
