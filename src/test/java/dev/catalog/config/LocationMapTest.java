package dev.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocationMapTest {
  @Test
  void locationsInOneFileComeBackAsWrittenAndTheMapEqualsItsSource() {
    var source = new HashMap<String, Location>();
    source.put("/storage_gb", new Location("catalog.yaml", 12, 17));
    source.put("/backup/enabled", new Location("catalog.yaml", 14, 9));
    source.put("/tags/0", new Location("catalog.yaml", 100_000, 2_000));
    var copy = LocationMap.copyOf(source);
    assertThat(copy).isInstanceOf(LocationMap.class).isEqualTo(source);
    assertThat(source).isEqualTo(copy);
    assertThat(copy.hashCode()).isEqualTo(source.hashCode());
    assertThat(copy.get("/tags/0")).isEqualTo(new Location("catalog.yaml", 100_000, 2_000));
    assertThat(copy.get("/backup")).isNull();
    assertThat(copy.containsKey("/storage_gb")).isTrue();
    assertThat(copy.keySet()).containsExactly("/backup/enabled", "/storage_gb", "/tags/0");
  }

  @Test
  void theCopyIsImmutableAndIndependentOfItsSource() {
    var source = new HashMap<String, Location>();
    source.put("plan", new Location("a.yaml", 3, 11));
    var copy = LocationMap.copyOf(source);
    source.put("broker", new Location("a.yaml", 4, 13));
    assertThat(copy).hasSize(1);
    assertThatThrownBy(() -> copy.put("x", new Location("a.yaml", 1, 1)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.remove("plan"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void locationsInSeveralFilesAreKeptAsTheyAre() {
    var source =
        Map.of("plan", new Location("a.yaml", 3, 11), "broker", new Location("b.yaml", 4, 13));
    var copy = LocationMap.copyOf(source);
    assertThat(copy).isEqualTo(source).isNotInstanceOf(LocationMap.class);
  }

  @Test
  void aWholeFileLocationKeepsItsZeroLineAndColumn() {
    var copy = LocationMap.copyOf(Map.of("", Location.ofFile("a.yaml")));
    assertThat(copy.get("")).isEqualTo(Location.ofFile("a.yaml"));
    assertThat(copy.get("").toString()).isEqualTo("a.yaml");
  }
}
