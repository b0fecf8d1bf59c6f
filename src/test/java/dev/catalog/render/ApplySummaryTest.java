package dev.catalog.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.apply.ApplyResult;
import dev.catalog.apply.Step;
import dev.catalog.apply.StepAction;
import dev.catalog.apply.StepResult;
import dev.catalog.apply.StepStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApplySummaryTest {
  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of(
            "create:ok update:ok create:ok",
            false,
            "Apply complete! Resources: 2 added, 1 changed, 0 destroyed."),
        Arguments.of("", false, "Apply complete! Resources: 0 added, 0 changed, 0 destroyed."),
        Arguments.of(
            "replace:ok delete:ok",
            false,
            "Apply complete! Resources: 1 added, 0 changed, 2 destroyed."),
        Arguments.of(
            "create:ok create:failed create:skipped",
            false,
            "Apply failed! Resources: 1 added, 0 changed, 0 destroyed; 1 failed, 1 skipped."),
        Arguments.of(
            "create:in-progress create:skipped",
            true,
            "Apply interrupted! Resources: 0 added, 0 changed, 0 destroyed; 0 failed, 1 skipped,"
                + " 1 still in progress."));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void summaryIsWordedAsTerraformsWhenEverythingSucceeded(
      String steps, boolean interrupted, String expected) {
    assertThat(ApplySummary.line(result(steps, interrupted))).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("destroyRows")
  void aDestroyHasItsOwnSummaryWordsAsTerraformsDestroy(
      String steps, boolean interrupted, String expected) {
    assertThat(ApplySummary.line(result(steps, interrupted), true)).isEqualTo(expected);
  }

  static Stream<Arguments> destroyRows() {
    return Stream.of(
        Arguments.of("delete:ok delete:ok", false, "Destroy complete! Resources: 2 destroyed."),
        Arguments.of(
            "delete:ok delete:failed delete:skipped",
            false,
            "Destroy failed! Resources: 1 destroyed; 1 failed, 1 skipped."),
        Arguments.of(
            "delete:in-progress",
            true,
            "Destroy interrupted! Resources: 0 destroyed; 0 failed, 0 skipped, 1 still in"
                + " progress."));
  }

  private static ApplyResult result(String spec, boolean interrupted) {
    var results = new ArrayList<StepResult>();
    int i = 0;
    for (String item : spec.isEmpty() ? new String[0] : spec.split(" ")) {
      String[] parts = item.split(":");
      var step = new Step("instance.i" + i++, StepAction.valueOf(parts[0].toUpperCase()), Set.of());
      var status =
          switch (parts[1]) {
            case "ok" -> StepStatus.SUCCEEDED;
            case "failed" -> StepStatus.FAILED;
            case "skipped" -> StepStatus.SKIPPED;
            default -> StepStatus.IN_PROGRESS;
          };
      results.add(new StepResult(step, status, ""));
    }
    return new ApplyResult(List.copyOf(results), interrupted);
  }
}
