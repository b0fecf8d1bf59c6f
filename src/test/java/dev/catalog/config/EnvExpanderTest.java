package dev.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvExpanderTest {
  final EnvExpander expander = new EnvExpander(Map.of("A", "alpha", "B_2", "", "X", "${A}"));

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "plain text | plain text",
        "${A} | alpha",
        "pre-${A}-post | pre-alpha-post",
        "${A}${A} | alphaalpha",
        "[${B_2}] | []",
        "$${A} | ${A}",
        "$$${A} | $${A}",
        "${X} | ${A}",
        "cost: $5 | cost: $5",
      })
  void expandsVariablesAndTheEscape(String text, String expanded) {
    var diagnostics = new Diagnostics();
    assertThat(expander.expand(text, new Location("f.yaml", 1, 1), "k", diagnostics))
        .isEqualTo(Optional.of(expanded));
    assertThat(diagnostics.isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "${MISSING} | f.yaml:2:7: k: environment variable \"MISSING\" is not set; set it, or"
            + " write $${MISSING} for a literal ${MISSING}",
        "${A | f.yaml:2:7: k: malformed variable reference; expected ${NAME} with NAME made of"
            + " letters, digits and _; write $${ for a literal ${",
        "${1A} | f.yaml:2:7: k: malformed variable reference; expected ${NAME} with NAME made of"
            + " letters, digits and _; write $${ for a literal ${",
      })
  void reportsUnsetAndMalformedReferences(String text, String error) {
    var diagnostics = new Diagnostics();
    assertThat(expander.expand(text, new Location("f.yaml", 2, 7), "k", diagnostics)).isEmpty();
    assertThat(diagnostics.sorted(java.util.List.of("f.yaml")))
        .extracting(Diagnostic::toString)
        .containsExactly(error);
  }
}
