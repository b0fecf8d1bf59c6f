package dev.catalog.apply;

import java.util.Objects;
import java.util.Set;

/**
 * One node of the walk: a resource operation and the addresses it depends on.
 *
 * @param address the resource address, e.g. {@code instance.orders-db}; unique in a walk
 * @param action what is done to it
 * @param dependsOn addresses that must succeed first (in a {@link Direction#FORWARD} walk);
 *     addresses not among the walk's steps count as already done (an unchanged instance)
 */
public record Step(String address, StepAction action, Set<String> dependsOn) {
  public Step {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(action, "action");
    dependsOn = Set.copyOf(dependsOn);
    if (dependsOn.contains(address)) {
      throw new IllegalArgumentException(address + " depends on itself");
    }
  }
}
