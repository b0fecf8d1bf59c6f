package dev.catalog.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarningGroupsTest {
  @Test
  void oneCauseForManyResourcesIsOneLineWithACountAndTheFirstNames() {
    var cause =
        "maintenance upgrade available from 1.0.0 to 1.1.0; set maintenance: auto to take it";
    var notes =
        List.of(
            "instance.a: " + cause,
            "--refresh=false: no catalog was read; service and plan ids come from state",
            "instance.b: " + cause,
            "instance.c: " + cause,
            "instance.d: " + cause,
            "binding.x: something else");

    assertThat(WarningGroups.of(notes))
        .containsExactly(
            "4 resources (instance.a, instance.b, instance.c and 1 more): " + cause,
            "--refresh=false: no catalog was read; service and plan ids come from state",
            "binding.x: something else");
  }

  @Test
  void aWarningAboutABrokerKeepsItsPrefixAndCausesGroupPerBroker() {
    var cause =
        "maintenance upgrade available from 1.0.0 to 1.1.0; set maintenance: auto to take it";
    var notes =
        List.of(
            "broker \"data\": instance.a: " + cause,
            "broker \"other\": instance.b: " + cause,
            "broker \"data\": instance.c: " + cause);

    assertThat(WarningGroups.of(notes))
        .containsExactly(
            "broker \"data\": 2 resources (instance.a, instance.c): " + cause,
            "broker \"other\": instance.b: " + cause);
  }
}
