package dev.catalog.plan;

import dev.catalog.config.Diagnostic;
import dev.catalog.config.Maintenance;
import dev.catalog.osb.model.Catalog;
import dev.catalog.osb.model.ServicePlan;
import dev.catalog.plan.LiveResource.Status;
import dev.catalog.state.InstanceState;
import dev.catalog.state.ResourceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Diffs one declared instance against its record and what the broker returned (PRODUCT.md section
 * 4): a broker or service change replaces it, a plan change updates it only when the current plan
 * is plan_updateable (checklist U-04), parameters, context and maintenance upgrades update it.
 */
final class InstanceDiffer {
  private final byte[] key;
  private final PlanCollector out;

  InstanceDiffer(byte[] key, PlanCollector out) {
    this.key = key;
    this.out = out;
  }

  void create(DesiredInstance d, ActionReason reason) {
    create(d, reason, Optional.empty());
  }

  /**
   * A create; {@code gone} is the record of an instance its broker no longer knows, which the new
   * one replaces under a new id (apply forgets the old record as it writes the new one).
   */
  private void create(DesiredInstance d, ActionReason reason, Optional<InstanceState> gone) {
    var fields = new ArrayList<FieldChange>();
    fields.addAll(FieldDiff.text("broker", Optional.empty(), Optional.of(d.broker()), true));
    fields.addAll(
        FieldDiff.text("service", Optional.empty(), Optional.of(d.service().name()), true));
    fields.addAll(FieldDiff.text("plan", Optional.empty(), Optional.of(d.plan().name()), true));
    fields.addAll(
        ParameterComparison.whole(
            d.parameters().redacted(), d.parameters().sensitivePointers(), false));
    fields.addAll(FieldDiff.objects("context", null, d.context(), true));
    fields.addAll(
        FieldDiff.text(
            "maintenance_info.version", Optional.empty(), d.maintenanceInfoVersion(), false));
    out.change(
        new ResourceChange(
            d.address(),
            Action.CREATE,
            List.of(reason),
            d.broker(),
            fields,
            Optional.of(new DesiredResource.OfInstance(d)),
            gone.<ResourceState>map(r -> r),
            Optional.empty()));
  }

  void delete(InstanceState r) {
    var fields = new ArrayList<FieldChange>();
    fields.addAll(FieldDiff.text("broker", Optional.of(r.broker()), Optional.empty(), true));
    fields.addAll(
        FieldDiff.text("service", Optional.of(r.service().name()), Optional.empty(), true));
    fields.addAll(FieldDiff.text("plan", Optional.of(r.plan().name()), Optional.empty(), true));
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

  /** The instance as it is now: recorded, with what the broker reported where it said. */
  private record Current(
      String planId, Optional<ServicePlan> plan, String planName, Optional<String> version) {}

  void diff(DesiredInstance d, InstanceState r, LiveResource live, Optional<Catalog> catalog) {
    if (live.status() == Status.GONE) {
      out.drift(new Drift(r.address(), Drift.Kind.GONE, List.of()));
      create(d, ActionReason.GONE_AT_BROKER, Optional.of(r));
      return;
    }
    var found = live.status() == Status.FOUND;
    var params =
        new ParameterComparison(
            d.parameters(),
            r.parameters(),
            found ? live.parameters() : Optional.empty(),
            d.config().lifecycle().ignoreParameters(),
            key);
    var current = current(r, live, catalog);
    InstanceDrift.of(r, live, params, current.planName(), current.version()).ifPresent(out::drift);

    var fields = new ArrayList<FieldChange>();
    var reasons = new ArrayList<ActionReason>();
    replaceReasons(d, r, current, fields, reasons);
    var replace =
        reasons.contains(ActionReason.BROKER_CHANGED)
            || reasons.contains(ActionReason.SERVICE_CHANGED)
            || reasons.contains(ActionReason.PLAN_NOT_UPDATEABLE);
    var paramChanges = params.changes();
    if (!paramChanges.isEmpty()) {
      fields.addAll(paramChanges);
      if (!replace) {
        reasons.add(ActionReason.PARAMETERS_CHANGED);
      }
    }
    contextChanges(d, r, replace, fields, reasons);
    var upgrade = replace ? Optional.<String>empty() : upgrade(d, current.version());
    if (upgrade.isPresent()) {
      reasons.add(ActionReason.MAINTENANCE_UPGRADE_AVAILABLE);
      fields.addAll(FieldDiff.text("maintenance_info.version", current.version(), upgrade, false));
    }
    var desired = Optional.<DesiredResource>of(new DesiredResource.OfInstance(d));
    if (replace) {
      preventDestroy(d, "replace");
      out.change(
          new ResourceChange(
              r.address(),
              Action.REPLACE,
              reasons,
              d.broker(),
              fields,
              desired,
              Optional.of(r),
              Optional.empty()));
    } else if (!reasons.isEmpty()) {
      var planChanged = !current.planId().equals(d.plan().id());
      var request =
          new InstanceUpdate(
              d.service().id(),
              planChanged ? Optional.of(d.plan().id()) : Optional.empty(),
              d.context(),
              paramChanges.isEmpty() ? Optional.empty() : Optional.of(d.parameters()),
              upgrade,
              current.planId(),
              r.maintenanceInfoVersion());
      out.change(
          new ResourceChange(
              r.address(),
              Action.UPDATE,
              reasons,
              d.broker(),
              fields,
              desired,
              Optional.of(r),
              Optional.of(request)));
    } else {
      out.change(
          new ResourceChange(
              r.address(),
              Action.NO_OP,
              List.of(),
              d.broker(),
              List.of(),
              desired,
              Optional.of(r),
              Optional.empty()));
    }
  }

  private static Current current(InstanceState r, LiveResource live, Optional<Catalog> catalog) {
    var found = live.status() == Status.FOUND;
    var planId = found ? live.planId().orElse(r.plan().id()) : r.plan().id();
    var plan =
        catalog.flatMap(c -> c.serviceById(r.service().id())).flatMap(s -> s.planById(planId));
    var name =
        plan.map(ServicePlan::name).orElse(planId.equals(r.plan().id()) ? r.plan().name() : planId);
    var version =
        found && live.maintenanceInfoVersion().isPresent()
            ? live.maintenanceInfoVersion()
            : r.maintenanceInfoVersion();
    return new Current(planId, plan, name, version);
  }

  /**
   * Broker and service changes replace; a plan change updates only when the current plan is
   * plan_updateable (checklist U-04, C-08), else it replaces too.
   */
  private static void replaceReasons(
      DesiredInstance d,
      InstanceState r,
      Current current,
      List<FieldChange> fields,
      List<ActionReason> reasons) {
    if (!r.broker().equals(d.broker())) {
      reasons.add(ActionReason.BROKER_CHANGED);
      fields.addAll(
          forcing(
              FieldDiff.text("broker", Optional.of(r.broker()), Optional.of(d.broker()), false)));
      // Another broker has other ids: the broker change alone explains the replacement.
      return;
    }
    if (!r.service().id().equals(d.service().id())) {
      reasons.add(ActionReason.SERVICE_CHANGED);
      fields.addAll(
          forcing(
              FieldDiff.text(
                  "service",
                  Optional.of(r.service().name()),
                  Optional.of(d.service().name()),
                  false)));
      return;
    }
    if (current.planId().equals(d.plan().id())) {
      return;
    }
    var planField =
        FieldDiff.text(
            "plan", Optional.of(current.planName()), Optional.of(d.plan().name()), false);
    if (current.plan().map(p -> d.service().planUpdateable(p)).orElse(false)) {
      reasons.add(ActionReason.PLAN_CHANGED);
      fields.addAll(planField);
    } else {
      reasons.add(ActionReason.PLAN_NOT_UPDATEABLE);
      fields.addAll(forcing(planField));
    }
  }

  /** A context change is sent only where the offering allows context updates (U-12). */
  private void contextChanges(
      DesiredInstance d,
      InstanceState r,
      boolean replace,
      List<FieldChange> fields,
      List<ActionReason> reasons) {
    var changes = FieldDiff.objects("context", r.context(), d.context(), false);
    if (changes.isEmpty()) {
      return;
    }
    fields.addAll(changes);
    if (!replace && d.service().allowContextUpdates()) {
      reasons.add(ActionReason.CONTEXT_CHANGED);
    } else if (!replace && reasons.isEmpty()) {
      out.note(
          "broker \""
              + d.broker()
              + "\": "
              + r.address()
              + ": the context changed, but service \""
              + d.service().name()
              + "\" does not allow context updates (allow_context_updates is false): the change"
              + " is not propagated until the instance is updated for another reason");
    }
  }

  /** The catalog's newer maintenance_info version, when it is newer (C-10); auto takes it. */
  private Optional<String> upgrade(DesiredInstance d, Optional<String> current) {
    var offered = d.plan().maintenanceInfo();
    if (offered.isEmpty()
        || current.isEmpty()
        || Semver.compare(offered.get().version(), current.get()) <= 0) {
      return Optional.empty();
    }
    if (d.config().maintenance() == Maintenance.AUTO) {
      return Optional.of(offered.get().version());
    }
    out.note(
        "broker \""
            + d.broker()
            + "\": "
            + d.address()
            + ": maintenance upgrade available from "
            + current.get()
            + " to "
            + offered.get().version()
            + offered.get().description().map(s -> " (" + s + ")").orElse("")
            + "; set maintenance: auto to take it");
    return Optional.empty();
  }

  private void preventDestroy(DesiredInstance d, String what) {
    if (d.config().lifecycle().preventDestroy()) {
      out.error(
          Diagnostic.at(
              d.config().source(),
              "lifecycle.preventDestroy",
              "instance \""
                  + d.config().name()
                  + "\" would be destroyed ("
                  + what
                  + ") but preventDestroy is set",
              "revert the change that forces replacement, or set preventDestroy: false"));
    }
  }

  private static List<FieldChange> forcing(List<FieldChange> changes) {
    return changes.stream().map(FieldChange::forcingReplacement).toList();
  }
}
