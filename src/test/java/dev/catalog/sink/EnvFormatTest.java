package dev.catalog.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnvFormatTest {
  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("plain", "plain"),
        Arguments.of("postgres://u@db:5432/orders", "postgres://u@db:5432/orders"),
        Arguments.of("", "''"),
        Arguments.of("two words", "'two words'"),
        Arguments.of("$HOME and `cmd`", "'$HOME and `cmd`'"),
        Arguments.of("{\"a\":1}", "'{\"a\":1}'"),
        Arguments.of("it's", "\"it's\""),
        Arguments.of("it's $HOME", "\"it's \\$HOME\""),
        Arguments.of("a\nb", "\"a\\nb\""),
        Arguments.of("tab\there", "\"tab\\there\""),
        Arguments.of("back\\slash 'q' \"dq\"", "\"back\\\\slash 'q' \\\"dq\\\"\""),
        Arguments.of("it's `x`", "\"it's \\`x\\`\""));
  }

  @ParameterizedTest
  @MethodSource("values")
  void quotesValuesSoShellsAndDotenvReadThemLiterally(String value, String written) {
    assertThat(EnvFormat.quote(value)).isEqualTo(written);
  }
}
