package dev.catalog.plan;

import dev.catalog.state.Address;
import dev.catalog.state.ResourceKind;
import dev.catalog.state.ResourceState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The planned change of one resource: its action, why, the fields before and after, and what apply
 * needs to carry it out (the resolved desired resource, the recorded one, and for an update the
 * exact PATCH).
 *
 * @param address the resource
 * @param action what apply will do
 * @param reasons why, for people; never used to drive apply
 * @param broker the broker it lives at (after the change)
 * @param fields field changes, in display order; for a no-op, empty
 * @param desired the resolved declaration, absent for a delete
 * @param recorded the state record, absent for a create
 * @param update the PATCH of an update, present exactly when the action is update
 */
public record ResourceChange(
    Address address,
    Action action,
    List<ActionReason> reasons,
    String broker,
    List<FieldChange> fields,
    Optional<DesiredResource> desired,
    Optional<ResourceState> recorded,
    Optional<InstanceUpdate> update) {
  public ResourceChange {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(action, "action");
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(broker, "broker");
    fields = List.copyOf(fields);
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(recorded, "recorded");
    Objects.requireNonNull(update, "update");
    if (update.isPresent() && action != Action.UPDATE) {
      throw new IllegalArgumentException(address + ": an update request goes with update only");
    }
    // A binding's update is a delivery to its sink (issue 13), which carries no request.
    if (update.isEmpty() && action == Action.UPDATE && address.kind() != ResourceKind.BINDING) {
      throw new IllegalArgumentException(address + ": an instance update needs its request");
    }
  }
}
