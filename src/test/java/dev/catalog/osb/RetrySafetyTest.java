package dev.catalog.osb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.osb.RetrySafety.TransientFailure;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checklist section 4.2, T-02, ID-06: which requests are repeated after which failure. */
class RetrySafetyTest {

  static Stream<Arguments> rules() {
    return Stream.of(OsbOperation.values())
        .flatMap(
            op ->
                Stream.of(TransientFailure.values())
                    .map(f -> Arguments.of(op, f, expected(op, f))));
  }

  private static boolean expected(OsbOperation op, TransientFailure f) {
    return switch (op.method()) {
      case "GET", "DELETE" -> true;
      case "PATCH" -> f != TransientFailure.NO_RESPONSE;
      default -> f == TransientFailure.NOT_SENT;
    };
  }

  @ParameterizedTest(name = "4.2: {0} after {1} retried = {2}")
  @MethodSource("rules")
  void retriesOnlyWhatTheSpecMakesSafeToRepeat(
      OsbOperation op, TransientFailure failure, boolean retried) {
    assertThat(RetrySafety.allows(op, failure)).isEqualTo(retried);
  }
}
