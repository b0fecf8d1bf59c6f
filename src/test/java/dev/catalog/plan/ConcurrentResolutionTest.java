package dev.catalog.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Resolution in the background gives back exactly what resolving in line would have; the refresh
 * path end to end (a schema error after the reads) is PlanAgainstReferenceBrokerIT.
 */
@Timeout(10)
class ConcurrentResolutionTest {
  @Test
  void joinGivesTheResolution() {
    var resolution = new Resolution(Map.of(), Map.of(), List.of("a note"));

    assertThat(ConcurrentResolution.start(() -> resolution).join()).isSameAs(resolution);
  }

  @Test
  void joinRethrowsWhatResolvingThrew() {
    var refused = new IllegalStateException("unknown plan");

    var thrown =
        catchThrowable(
            () ->
                ConcurrentResolution.start(
                        () -> {
                          throw refused;
                        })
                    .join());

    assertThat(thrown).isSameAs(refused);
  }
}
