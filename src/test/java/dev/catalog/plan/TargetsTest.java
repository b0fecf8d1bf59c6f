package dev.catalog.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.state.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --target} on the all-actions fixture (all-actions.yaml): what a partial plan keeps. */
class TargetsTest {
  private static List<String> kept(Address target) {
    return PlanFixtures.allActions(List.of(target)).changes().stream()
        .map(c -> c.address() + " " + c.action().wireName())
        .toList();
  }

  @Test
  void targetingABindingKeepsItsInstance() {
    assertThat(kept(Address.binding("params-app")))
        .containsExactlyInAnyOrder("instance.resized update", "binding.params-app replace");
  }

  @Test
  void targetingADeletedInstanceAlsoDeletesItsBindings() {
    assertThat(kept(Address.instance("old")))
        .containsExactlyInAnyOrder("instance.old delete", "binding.old-app delete");
  }

  @Test
  void targetingAReplacedInstanceAlsoReplacesItsBindings() {
    assertThat(kept(Address.instance("moved")))
        .containsExactlyInAnyOrder("instance.moved replace", "binding.moved-app replace");
  }

  @Test
  void targetingAnUpdatedInstanceLeavesItsBindingsOut() {
    assertThat(kept(Address.instance("resized"))).containsExactly("instance.resized update");
  }

  @Test
  void aMisspeltTargetSuggestsTheNearestAddress() {
    assertThatThrownBy(() -> kept(Address.instance("resised")))
        .hasMessage(
            "--target instance.resised: no such resource in the configuration or the state;"
                + " did you mean \"instance.resized\"?");
  }
}
