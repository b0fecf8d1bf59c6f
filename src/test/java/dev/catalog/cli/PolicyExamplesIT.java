package dev.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.osb.FakeClock;
import dev.catalog.testbroker.ReferenceBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each policy of examples/policies/ against the reference broker: one configuration it accepts and
 * one it refuses, with the refusal naming the resource's and the rule's file:line:column.
 */
class PolicyExamplesIT {
  private static final String PASSWORD = "policy-examples-pw-5d1e";
  private static final Path EXAMPLES = Path.of("examples/policies").toAbsolutePath();
  private static ReferenceBroker broker;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    broker = ReferenceBroker.start(ReferenceBroker.Options.forTests(PASSWORD, new FakeClock()));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private Path config(String resources) throws IOException {
    var yaml = new StringBuilder("apiVersion: catalog/v1\nbrokers:\n");
    for (var prefix : List.of("data", "messaging")) {
      yaml.append("  - name: ")
          .append(prefix)
          .append("\n    url: ")
          .append(broker.baseUrl(prefix))
          .append("\n    auth:\n      basic:\n")
          .append("        username: admin\n        password: { fromEnv: BROKER_PASSWORD }\n");
    }
    var file = dir.resolve("catalog.yaml");
    Files.writeString(file, yaml + resources);
    return file;
  }

  private CliRun plan(String example, String resources, String... extra) throws IOException {
    var args = new ArrayList<>(List.of("plan", "-f", config(resources).toString()));
    args.addAll(List.of("--policy", EXAMPLES.resolve(example).toString()));
    args.addAll(List.of(extra));
    return CliRun.run(Map.of("BROKER_PASSWORD", PASSWORD), args.toArray(String[]::new));
  }

  private String refusal(String address, String line, String policy, String rule, String message) {
    return "Error: the plan violates 1 policy rule; nothing was sent to any broker:\n  "
        + dir.resolve("catalog.yaml")
        + ":"
        + line
        + ": "
        + address
        + ": policy \""
        + policy
        + "\" ("
        + EXAMPLES.resolve(rule)
        + ") refused it: "
        + message
        + "\n";
  }

  private static final String SMALL_DB =
      "instances:\n  - name: orders\n    broker: data\n    service: db\n    plan: small\n"
          + "    parameters: { storage_gb: 5 }\n";
  private static final String LARGE_DB = SMALL_DB.replace("plan: small", "plan: large");

  @Test
  void allowedPlansAcceptsTheSmallDbAndRefusesTheLargeOne() throws IOException {
    assertThat(plan("allowed-plans.yaml", SMALL_DB).exitCode()).isZero();
    var refused = plan("allowed-plans.yaml", LARGE_DB);
    assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(refused.err())
        .isEqualTo(
            refusal(
                "instance.orders",
                "16:5",
                "db-small-only",
                "allowed-plans.yaml:6:11",
                "only the \"small\" plan of db may be used; ask the platform team for more"));
    assertThat(refused.out()).contains("Policy violations (apply refuses this plan):\n");
  }

  @Test
  void aPaidPlanNeedsACostCenterAndTheViolationIsInThePlanJson() throws IOException {
    var withCostCenter = LARGE_DB + "    context: { cost-center: cc-42 }\n";
    assertThat(plan("paid-needs-cost-center.yaml", withCostCenter).exitCode()).isZero();
    var refused = plan("paid-needs-cost-center.yaml", LARGE_DB, "--format", "json");
    assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR);
    var json = new ObjectMapper().readTree(refused.out()).get("policy_violations");
    assertThat(json.toString())
        .isEqualTo(
            "[{\"policy\":\"paid-needs-cost-center\",\"address\":\"instance.orders\","
                + "\"message\":\"paid plans need a cost-center in the instance's context\","
                + "\"resource_location\":\""
                + dir.resolve("catalog.yaml")
                + ":16:5\",\"rule_location\":\""
                + EXAMPLES.resolve("paid-needs-cost-center.yaml")
                + ":5:11\"}]");
  }

  @Test
  void aBindingsSecretMustBeInANamespaceItsInstanceLists() throws IOException {
    var resources =
        SMALL_DB
            + "    context: { namespaces: [shop] }\n"
            + "bindings:\n  - name: orders-app\n    instance: orders\n"
            + "    credentials: { secret: { namespace: NS, name: orders-db } }\n";
    var example = "secrets-in-listed-namespaces.yaml";
    assertThat(plan(example, resources.replace("NS", "shop")).exitCode()).isZero();
    var refused = plan(example, resources.replace("NS", "billing"));
    assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(refused.err())
        .isEqualTo(
            refusal(
                "binding.orders-app",
                "23:5",
                "secrets-in-listed-namespaces",
                example + ":5:11",
                "a binding's Secret must be in one of the namespaces listed in its instance's"
                    + " context"));
  }

  @Test
  void atMostTwoQueuesCountsTheDeclaredInstances() throws IOException {
    var queue = "  - name: qN\n    broker: messaging\n    service: queue\n    plan: standard\n";
    var two = "instances:\n" + queue.replace("N", "1") + queue.replace("N", "2");
    assertThat(plan("max-instances.yaml", two).exitCode()).isZero();
    var refused = plan("max-instances.yaml", two + queue.replace("N", "3"));
    assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(refused.err())
        .startsWith("Error: the plan violates 3 policy rules; nothing was sent to any broker:\n")
        .contains(": instance.q3: policy \"at-most-two-queues\"");
  }

  @Test
  void applyRefusesAViolatingPlanBeforeSendingAnything() throws IOException {
    var args =
        List.of(
            "apply",
            "--auto-approve",
            "-f",
            config(LARGE_DB).toString(),
            "--policy",
            EXAMPLES.resolve("allowed-plans.yaml").toString());
    var run = CliRun.run(Map.of("BROKER_PASSWORD", PASSWORD), args.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).startsWith("Error: the plan violates 1 policy rule;");
    assertThat(broker.ledger().instances()).isEmpty();
  }

  @Test
  void validateReportsARuleThatDoesNotCompileAtItsLine() throws IOException {
    var policy = dir.resolve("bad.yaml");
    Files.writeString(
        policy,
        "apiVersion: catalog/v1\npolicies:\n  - name: typo\n"
            + "    rule: resource.plan.name in\n    message: m\n");
    var run =
        CliRun.run(
            Map.of("BROKER_PASSWORD", PASSWORD),
            "validate",
            "-f",
            config(SMALL_DB).toString(),
            "--policy",
            policy.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).startsWith(policy + ":4:");
    assertThat(run.err()).contains("policies[0].rule: policy \"typo\": the rule does not compile:");
  }
}
