package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.config.CatalogConfig;
import dev.catalog.config.ConfigObject;
import dev.catalog.config.Diagnostic;
import dev.catalog.config.Instance;
import dev.catalog.plan.CatalogLock.LockedPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code validate} with a lock file: the parameters of every instance and binding checked against
 * the locked schemas, offline, with the same messages and {@code file:line:column} as plan. Values
 * from {@code parametersFrom} are secrets validate does not read, so a resource that has them is
 * left to plan, with a note.
 */
public final class LockedParameterCheck {
  private LockedParameterCheck() {}

  /** The problems found; {@code notes} receives what could not be checked. */
  public static List<Diagnostic> check(CatalogConfig config, CatalogLock lock, List<String> notes) {
    var problems = new ArrayList<Diagnostic>();
    for (var instance : config.instances()) {
      var what = "instance." + instance.name();
      var plan = locked(lock, instance);
      if (plan.isEmpty()) {
        notes.add(
            what
                + ": plan \""
                + instance.plan()
                + "\" of service \""
                + instance.service()
                + "\" on broker \""
                + instance.broker()
                + "\" is not in "
                + CatalogLock.FILE_NAME
                + "; run \"catalog lock\" to check its parameters offline");
        continue;
      }
      check(
          plan.get().instanceCreateSchema(),
          instance.parameters(),
          !instance.parametersFrom().isEmpty(),
          what,
          problems,
          notes);
    }
    for (var binding : config.bindings()) {
      var instance =
          config.instances().stream().filter(i -> i.name().equals(binding.instance())).findFirst();
      var plan = instance.flatMap(i -> locked(lock, i));
      if (plan.isPresent()) {
        check(
            plan.get().bindingCreateSchema(),
            binding.parameters(),
            !binding.parametersFrom().isEmpty(),
            "binding." + binding.name(),
            problems,
            notes);
      }
    }
    return problems;
  }

  private static Optional<LockedPlan> locked(CatalogLock lock, Instance instance) {
    return Optional.ofNullable(lock.brokers().get(instance.broker()))
        .map(b -> b.services().get(instance.service()))
        .map(s -> s.plans().get(instance.plan()));
  }

  private static void check(
      Optional<JsonNode> schema,
      ConfigObject written,
      boolean hasSecrets,
      String what,
      List<Diagnostic> problems,
      List<String> notes) {
    if (schema.isEmpty()) {
      return;
    }
    if (hasSecrets) {
      notes.add(what + ": parameters from parametersFrom are secrets; plan checks them");
      return;
    }
    problems.addAll(
        ParameterValidator.validate(
            schema.get(),
            written.frozen(),
            written,
            SchemaSensitivity.pointers(schema),
            what,
            notes));
  }
}
