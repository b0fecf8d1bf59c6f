package dev.catalog.plan;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.catalog.plan.LiveResource.Status;
import dev.catalog.state.InstanceState;
import java.util.ArrayList;
import java.util.Optional;

/**
 * What changed at the broker behind catalog's back: the plan, parameters or maintenance_info the
 * broker reports against the recorded ones (checklist F-04, F-09, F-10).
 */
final class InstanceDrift {
  private InstanceDrift() {}

  /** The drift of a recorded instance the broker returned, if anything differs. */
  static Optional<Drift> of(
      InstanceState r,
      LiveResource live,
      ParameterComparison params,
      String currentPlanName,
      Optional<String> currentVersion) {
    if (live.status() != Status.FOUND) {
      return Optional.empty();
    }
    var fields = new ArrayList<FieldChange>();
    if (!currentPlanName.equals(r.plan().name())) {
      fields.add(
          FieldChange.of(
              "plan",
              Optional.of(TextNode.valueOf(r.plan().name())),
              Optional.of(TextNode.valueOf(currentPlanName))));
    }
    fields.addAll(params.drift());
    if (!currentVersion.equals(r.maintenanceInfoVersion())) {
      fields.addAll(
          FieldDiff.text(
              "maintenance_info.version", r.maintenanceInfoVersion(), currentVersion, false));
    }
    return fields.isEmpty()
        ? Optional.empty()
        : Optional.of(new Drift(r.address(), Drift.Kind.CHANGED, fields));
  }
}
