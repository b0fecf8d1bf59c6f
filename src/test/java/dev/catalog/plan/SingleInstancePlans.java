package dev.catalog.plan;

import dev.catalog.config.ConfigLoader;
import dev.catalog.plan.LiveResource.Status;
import dev.catalog.state.Address;
import dev.catalog.state.InstanceState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Plans one instance {@code db} declared with the given lines, against a record and live state. */
final class SingleInstancePlans {
  private SingleInstancePlans() {}

  static Plan plan(Path dir, String declaration, InstanceState recorded, Status liveStatus)
      throws IOException {
    var yaml =
        """
        apiVersion: catalog/v1
        brokers:
          - { name: acme, url: "http://127.0.0.1:1/acme" }
          - { name: beta, url: "http://127.0.0.1:1/beta" }
        instances:
          - name: db
            broker: acme
            service: db
            %s
        """
            .formatted(declaration.replace("broker: beta\n    ", ""));
    if (declaration.startsWith("broker: beta")) {
      yaml = yaml.replace("broker: acme\n    service: db", "broker: beta\n    service: db");
    }
    if (declaration.startsWith("service: cache")) {
      yaml = yaml.replace("    service: db\n    service: cache", "    service: cache");
    }
    var file = dir.resolve("catalog.yaml");
    Files.writeString(file, yaml);
    var config = new ConfigLoader(Map.of()).load(List.of(file));
    var state = PlanFixtures.empty();
    var live = new java.util.HashMap<Address, LiveResource>();
    if (recorded != null) {
      state = state.with(recorded);
      var found = PlanFixtures.found(recorded);
      live.put(
          recorded.address(),
          liveStatus == Status.FOUND
              ? found
              : LiveResource.unread(recorded.address(), liveStatus, "not read"));
    }
    var refreshed = new Refreshed(TestCatalogs.both(), live, List.of(), true);
    return PlanFixtures.planner().plan(config, state, refreshed, List.of(), List.of());
  }
}
