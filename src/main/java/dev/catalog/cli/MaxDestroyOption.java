package dev.catalog.cli;

import dev.catalog.CatalogException;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --max-destroy N} of plan, apply and destroy (issue 15): a bound on one run's deletes. */
final class MaxDestroyOption {
  @Option(
      names = "--max-destroy",
      paramLabel = "N",
      description =
          "Fail, before any change is made, when more than N resources would be deleted or"
              + " replaced.")
  Integer maxDestroy;

  /** The limit, if one was given. */
  Optional<Integer> limit() {
    if (maxDestroy != null && maxDestroy < 0) {
      throw new CatalogException("--max-destroy must be 0 or more, not " + maxDestroy);
    }
    return Optional.ofNullable(maxDestroy);
  }
}
