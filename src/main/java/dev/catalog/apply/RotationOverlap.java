package dev.catalog.apply;

import dev.catalog.config.Rotation;
import dev.catalog.plan.DesiredBinding;
import java.time.Duration;

/** How long a replaced binding stays bound after its successor delivered (issue 14). */
final class RotationOverlap {
  private RotationOverlap() {}

  /** {@code rotation.overlap} when declared; otherwise none: the old binding is unbound next. */
  static Duration of(DesiredBinding binding) {
    return binding.config().rotation().map(Rotation::overlap).orElse(Duration.ZERO);
  }
}
