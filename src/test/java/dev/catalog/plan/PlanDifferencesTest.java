package dev.catalog.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** One line per difference between a reviewed plan document and one made at apply time. */
class PlanDifferencesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode plan(String changes, String drift, String pending) throws IOException {
    return JSON.readTree(
        "{\"resource_changes\": ["
            + changes
            + "], \"resource_drift\": ["
            + drift
            + "], \"pending_work\": ["
            + pending
            + "]}");
  }

  private static String change(String address, String actions, String fields) {
    return "{\"address\": \"%s\", \"change\": {\"actions\": %s, \"fields\": [%s]}}"
        .formatted(address, actions, fields);
  }

  private static final String STORAGE_20_30 =
      "{\"path\": \"parameters.storage_gb\", \"sensitive\": false, \"before\": 20, \"after\": 30}";
  private static final String STORAGE_50_30 =
      "{\"path\": \"parameters.storage_gb\", \"sensitive\": false, \"before\": 50, \"after\": 30}";

  @Test
  void theSamePlanHasNoDifferenceAndANoOpEqualsAnAbsentResource() throws IOException {
    var saved =
        plan(
            change("instance.db", "[\"update\"]", STORAGE_20_30)
                + ","
                + change("instance.cache", "[\"no-op\"]", ""),
            "",
            "");
    var now = plan(change("instance.db", "[\"update\"]", STORAGE_20_30), "", "");

    assertThat(PlanDifferences.between(saved, now)).isEmpty();
  }

  @Test
  void namesAnotherActionAFieldWithOtherValuesNewDriftAndNewPendingWork() throws IOException {
    var saved =
        plan(
            change("instance.db", "[\"update\"]", STORAGE_20_30)
                + ","
                + change("binding.app", "[\"create\"]", ""),
            "",
            "");
    var now =
        plan(
            change("instance.db", "[\"update\"]", STORAGE_50_30)
                + ","
                + change("binding.app", "[\"delete\", \"create\"]", "")
                + ","
                + change("instance.new", "[\"create\"]", ""),
            "{\"address\": \"instance.db\", \"drift\": \"changed\", \"fields\": []}",
            "{\"address\": \"instance.q\", \"kind\": \"resume\", \"operation\": \"update\"}");

    assertThat(PlanDifferences.between(saved, now))
        .containsExactly(
            "binding.app: planned create, now replace",
            "instance.db: parameters.storage_gb: planned 20 -> 30, now 50 -> 30",
            "instance.new: planned nothing, now create",
            "instance.db: drift when planned: none, now: changed",
            "instance.q: resume of update: not pending when planned, now pending");
  }
}
