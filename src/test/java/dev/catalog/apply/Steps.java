package dev.catalog.apply;

import java.util.Set;

/** Short step constructors for tests. */
final class Steps {
  private Steps() {}

  static Step create(String address, String... dependsOn) {
    return new Step(address, StepAction.CREATE, Set.of(dependsOn));
  }

  static Step delete(String address, String... dependsOn) {
    return new Step(address, StepAction.DELETE, Set.of(dependsOn));
  }
}
