package dev.catalog.plan;

import dev.catalog.plan.LiveResource.Status;
import dev.catalog.state.BindingState;
import dev.catalog.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Diffs one declared binding. Bindings are immutable in OSB, so any change replaces them: new
 * parameters, another instance, or the instance itself being replaced or re-created.
 */
final class BindingDiffer {
  private final byte[] key;
  private final PlanCollector out;

  BindingDiffer(byte[] key, PlanCollector out) {
    this.key = key;
    this.out = out;
  }

  void create(DesiredBinding d, ActionReason reason) {
    create(d, List.of(reason), Optional.empty());
  }

  /**
   * A create; {@code gone} is the record of a binding that no longer exists at its broker (found
   * gone, or its instance was), which the new one replaces under a new id with no unbind: there is
   * nothing left to unbind, and a broker refuses an unbind on an instance it does not know.
   */
  private void create(DesiredBinding d, List<ActionReason> reasons, Optional<BindingState> gone) {
    var fields = new ArrayList<FieldChange>();
    fields.addAll(
        FieldDiff.text("instance", Optional.empty(), Optional.of(d.config().instance()), true));
    fields.addAll(
        ParameterComparison.whole(
            d.parameters().redacted(), d.parameters().sensitivePointers(), false));
    out.change(
        new ResourceChange(
            d.address(),
            Action.CREATE,
            reasons,
            d.instance().broker(),
            fields,
            Optional.of(new DesiredResource.OfBinding(d)),
            gone.<ResourceState>map(r -> r),
            Optional.empty()));
  }

  void delete(BindingState r) {
    var fields = new ArrayList<FieldChange>();
    fields.addAll(
        FieldDiff.text("instance", Optional.of(r.instance().name()), Optional.empty(), true));
    fields.addAll(
        ParameterComparison.whole(
            r.parameters().values(), r.parameters().sensitivePointers(), true));
    out.change(
        new ResourceChange(
            r.address(),
            Action.DELETE,
            List.of(ActionReason.REMOVED_FROM_CONFIG),
            r.broker(),
            fields,
            Optional.empty(),
            Optional.of(r),
            Optional.empty()));
  }

  /**
   * @param instanceAction the planned action of the binding's instance
   * @param instanceGone whether the binding's instance no longer exists as the binding recorded it:
   *     found gone at its broker, or already re-created under another id by an earlier apply
   * @param sink what the binding's sink holds, when it was read (issue 13)
   */
  void diff(
      DesiredBinding d,
      BindingState r,
      LiveResource live,
      Action instanceAction,
      boolean instanceGone,
      Optional<SinkObservation> sink) {
    var sinkDrift = SinkDiffer.drift(r, sink);
    sinkDrift.ifPresent(out::drift);
    if (live.status() == Status.GONE) {
      out.drift(new Drift(r.address(), Drift.Kind.GONE, List.of()));
    }
    if (instanceGone) {
      create(d, List.of(ActionReason.INSTANCE_REPLACED), Optional.of(r));
      return;
    }
    var found = live.status() == Status.FOUND;
    var params =
        new ParameterComparison(
            d.parameters(),
            r.parameters(),
            found ? live.parameters() : Optional.empty(),
            List.of(),
            key);
    if (found) {
      var drifted = params.drift();
      if (!drifted.isEmpty()) {
        out.drift(new Drift(r.address(), Drift.Kind.CHANGED, drifted));
      }
    }
    var fields = new ArrayList<FieldChange>();
    var reasons = new ArrayList<ActionReason>();
    if (!r.instance().name().equals(d.config().instance())) {
      reasons.add(ActionReason.INSTANCE_REPLACED);
      fields.addAll(
          FieldDiff.text(
                  "instance",
                  Optional.of(r.instance().name()),
                  Optional.of(d.config().instance()),
                  false)
              .stream()
              .map(FieldChange::forcingReplacement)
              .toList());
    } else if (instanceAction == Action.REPLACE || instanceAction == Action.CREATE) {
      reasons.add(ActionReason.INSTANCE_REPLACED);
    }
    var paramChanges = params.changes();
    if (!paramChanges.isEmpty()) {
      reasons.add(ActionReason.BINDING_PARAMETERS_CHANGED);
      paramChanges.stream().map(FieldChange::forcingReplacement).forEach(fields::add);
    }
    if (live.status() == Status.GONE) {
      var all = new ArrayList<ActionReason>(List.of(ActionReason.GONE_AT_BROKER));
      all.addAll(reasons);
      create(d, all, Optional.of(r));
      return;
    }
    var action = reasons.isEmpty() ? Action.NO_OP : Action.REPLACE;
    if (reasons.isEmpty()) {
      var moved = SinkDiffer.compare(d, r, sinkDrift, sink);
      if (moved.isPresent()) {
        var change = moved.get();
        reasons.add(change.reason());
        fields.addAll(change.fields());
        // Only a binding whose credentials cannot be had again is replaced (issue 13).
        action = change.source() == SinkDiffer.Source.NEW_BINDING ? Action.REPLACE : Action.UPDATE;
      }
    }
    out.change(
        new ResourceChange(
            r.address(),
            action,
            reasons,
            d.instance().broker(),
            fields,
            Optional.of(new DesiredResource.OfBinding(d)),
            Optional.of(r),
            Optional.empty()));
  }
}
