package dev.catalog.plan.policy;

import dev.catalog.config.CatalogConfig;
import dev.catalog.config.ConfigException;
import dev.catalog.config.Diagnostic;
import dev.catalog.config.Location;
import dev.catalog.config.Policy;
import dev.catalog.plan.Action;
import dev.catalog.plan.DesiredInstance;
import dev.catalog.plan.DesiredResource;
import dev.catalog.plan.ResourceChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the configuration's policies on every planned resource that will exist after apply
 * (deletes are not checked). Without policies this class returns at once and CEL is never loaded.
 */
public final class PolicyCheck {
  private PolicyCheck() {}

  /** The rules that do not compile, as diagnostics at the rule's {@code file:line:column}. */
  public static List<Diagnostic> compileErrors(CatalogConfig config) {
    if (config.policies().isEmpty()) {
      return List.of();
    }
    var cel = new CelRules();
    var problems = new ArrayList<Diagnostic>();
    for (int i = 0; i < config.policies().size(); i++) {
      var policy = config.policies().get(i);
      try {
        cel.compile(policy.rule());
      } catch (CelRules.RuleException e) {
        problems.add(
            Diagnostic.of(
                at(policy.ruleLocation(), e.column),
                "policies[" + i + "].rule",
                "policy \"" + policy.name() + "\": the rule does not compile: " + e.getMessage()));
      }
    }
    return problems;
  }

  /**
   * The violations of {@code changes}; {@code instances} are every resolved instance (rules may
   * count them). A rule that does not compile fails the plan as {@code validate} does.
   */
  public static List<PolicyViolation> evaluate(
      CatalogConfig config, List<ResourceChange> changes, Collection<DesiredInstance> instances) {
    if (config.policies().isEmpty()) {
      return List.of();
    }
    var broken = compileErrors(config);
    if (!broken.isEmpty()) {
      throw new ConfigException(broken);
    }
    var cel = new CelRules();
    var all = instances.stream().map(i -> (Object) PolicyInputs.summary(i)).toList();
    var violations = new ArrayList<PolicyViolation>();
    for (var policy : config.policies()) {
      CelRules.Rule rule;
      try {
        rule = cel.compile(policy.rule());
      } catch (CelRules.RuleException e) {
        continue;
      }
      for (var change : changes) {
        if (change.action() == Action.DELETE || change.desired().isEmpty()) {
          continue;
        }
        check(policy, rule, change, all, violations);
      }
    }
    return violations;
  }

  private static void check(
      Policy policy,
      CelRules.Rule rule,
      ResourceChange change,
      List<Object> instances,
      List<PolicyViolation> out) {
    var desired = change.desired().get();
    var action = change.action().wireName();
    Map<String, Object> resource;
    Location location;
    if (desired instanceof DesiredResource.OfInstance of) {
      resource = PolicyInputs.instance(of.instance(), action);
      location = of.instance().config().source().location();
    } else {
      var binding = ((DesiredResource.OfBinding) desired).binding();
      resource = PolicyInputs.binding(binding, action);
      location = binding.config().source().location();
    }
    if (!inScope(policy, resource)) {
      return;
    }
    rule.failure(Map.of("resource", resource, "instances", instances))
        .ifPresent(
            error ->
                out.add(
                    new PolicyViolation(
                        policy.name(),
                        change.address().toString(),
                        error.isEmpty() ? policy.message() : policy.message() + " (" + error + ")",
                        location,
                        policy.ruleLocation())));
  }

  /** The violations of {@code plan}'s resources, counting the instances it declares. */
  public static List<PolicyViolation> evaluate(CatalogConfig config, dev.catalog.plan.Plan plan) {
    if (config.policies().isEmpty()) {
      return List.of();
    }
    var instances =
        plan.changes().stream()
            .flatMap(c -> c.desired().stream())
            .filter(DesiredResource.OfInstance.class::isInstance)
            .map(d -> ((DesiredResource.OfInstance) d).instance())
            .toList();
    return evaluate(config, plan.changes(), instances);
  }

  /** The error that refuses a plan with violations: one line per violation. */
  public static String refusal(List<PolicyViolation> violations) {
    var sb =
        new StringBuilder("the plan violates ")
            .append(violations.size())
            .append(violations.size() == 1 ? " policy rule" : " policy rules")
            .append("; nothing was sent to any broker:");
    violations.forEach(v -> sb.append("\n  ").append(v));
    return sb.toString();
  }

  private static boolean inScope(Policy policy, Map<String, Object> resource) {
    var service = ((Map<?, ?>) resource.get("service")).get("name");
    return (policy.brokers().isEmpty() || policy.brokers().contains(resource.get("broker")))
        && (policy.services().isEmpty() || policy.services().contains(service));
  }

  private static Location at(Location rule, int column) {
    return new Location(rule.file(), rule.line(), rule.column() + column);
  }
}
