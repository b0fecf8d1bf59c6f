package dev.catalog.plan;

import static dev.catalog.plan.PlanFixtures.DB;
import static dev.catalog.plan.PlanFixtures.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.catalog.CatalogException;
import dev.catalog.config.ConfigLoader;
import dev.catalog.state.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan-time errors: whole messages, located in the YAML, nothing planned. */
class PlanErrorsTest {
  @TempDir Path dir;

  private static final String HEAD =
      """
      apiVersion: catalog/v1
      brokers:
        - { name: acme, url: "http://127.0.0.1:1/acme" }
      """;

  private String plan(String body, State state) throws IOException {
    var file = dir.resolve("catalog.yaml");
    Files.writeString(file, HEAD + body);
    var config = new ConfigLoader(Map.of()).load(List.of(file));
    var live = new java.util.HashMap<dev.catalog.state.Address, LiveResource>();
    state.resources().values().forEach(r -> live.put(r.address(), PlanFixtures.found(r)));
    var refreshed = new Refreshed(TestCatalogs.both(), live, List.of(), true);
    var thrown =
        catchThrowable(
            () -> PlanFixtures.planner().plan(config, state, refreshed, List.of(), List.of()));
    assertThat(thrown).isInstanceOf(CatalogException.class);
    return thrown.getMessage().replace(file.toString(), "catalog.yaml");
  }

  @Test
  void refusesToReplaceAnInstanceWithPreventDestroy() throws IOException {
    var state =
        PlanFixtures.empty().with(PlanFixtures.instance("db", "acme", DB, SMALL, "{}", "1.1.0"));

    var message =
        plan(
            """
            instances:
              - name: db
                broker: acme
                service: cache
                plan: basic
                lifecycle: { preventDestroy: true }
            """,
            state);

    assertThat(message)
        .isEqualTo(
            "catalog.yaml:9:34: instances[0].lifecycle.preventDestroy: instance \"db\" would be"
                + " destroyed (replace) but preventDestroy is set; revert the change that forces"
                + " replacement, or set preventDestroy: false");
  }

  @Test
  void refusesABindingOfANonBindableService() throws IOException {
    var message =
        plan(
            """
            instances:
              - { name: logs, broker: acme, service: log, plan: std }
            bindings:
              - name: logs-app
                instance: logs
                credentials: { file: { path: out/logs.json } }
            """,
            PlanFixtures.empty());

    assertThat(message)
        .isEqualTo(
            "catalog.yaml:8:15: bindings[0].instance: instance \"logs\" has plan \"std\" of service"
                + " \"log\", which is not bindable; remove the binding, or choose a bindable plan");
  }

  @Test
  void refusesToDropABrokerThatStillHoldsRecordedResources() throws IOException {
    var state =
        PlanFixtures.empty()
            .with(PlanFixtures.instance("old", "gone-broker", DB, SMALL, "{}", null));

    var message = plan("instances: []\n", state);

    assertThat(message)
        .isEqualTo(
            "broker \"gone-broker\" is no longer in the configuration, but state still holds"
                + " instance.old there\n"
                + "Keep the broker until its resources are deleted (remove them from the"
                + " configuration and apply), or forget them with \"catalog state rm ADDR\".");
  }

  @Test
  void suggestsTheNearestServiceNameComparedCaseSensitively() throws IOException {
    var message =
        plan(
            """
            instances:
              - { name: db, broker: acme, service: DB, plan: small }
            """,
            PlanFixtures.empty());

    assertThat(message)
        .isEqualTo(
            "catalog.yaml:5:40: instances[0].service: unknown service"
                + " \"DB\" on broker \"acme\"; did you mean \"db\"?");
  }

  @Test
  void refusesAPlanChangeToAPlanGoneFromTheCatalog() throws IOException {
    var state =
        PlanFixtures.empty().with(PlanFixtures.instance("db", "acme", DB, SMALL, "{}", "1.1.0"));

    var message =
        plan(
            """
            instances:
              - { name: db, broker: acme, service: db, plan: medium }
            """,
            state);

    assertThat(message)
        .isEqualTo(
            "catalog.yaml:5:50: instances[0].plan: plan \"medium\" does not exist in service \"db\""
                + " of broker \"acme\", so the instance cannot change to it; expected one of:"
                + " small, large");
  }

  @Test
  void citesEveryInvalidParameterWithoutQuotingSensitiveOnes() throws IOException {
    var message =
        plan(
            """
            instances:
              - name: db
                broker: acme
                service: db
                plan: small
                parameters:
                  storage_gb: 500
                  admin_password: 42
            """,
            PlanFixtures.empty());

    assertThat(message)
        .isEqualTo(
            """
catalog.yaml:11:23: instances[0].parameters.admin_password: a sensitive value does not\
 match the plan's schema (type)
catalog.yaml:10:19: instances[0].parameters.storage_gb: must have a maximum value of 100""");
  }
}
