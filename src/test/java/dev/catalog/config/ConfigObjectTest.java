package dev.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Pointer locations and paths inside parameters, for plan-time schema errors. */
class ConfigObjectTest {
  @TempDir Path dir;

  @Test
  void locatesNestedMembersArrayItemsAndEscapedKeys() throws IOException {
    var file =
        Files.writeString(
            dir.resolve("c.yaml"),
            """
            apiVersion: catalog/v1
            brokers: [{ name: data, url: "http://127.0.0.1:8080/data" }]
            instances:
              - name: db
                broker: data
                service: db
                plan: small
                parameters:
                  backup:
                    window: "02:00"
                  tags: [a, b]
                  a/b: slash
                  nothing: null
            """);
    var config = new ConfigLoader(Map.of()).load(List.of(file));
    var p = config.instance("db").orElseThrow().parameters();
    var f = file.toString();
    assertThat(p.locationOf("/backup/window")).isEqualTo(new Location(f, 10, 17));
    assertThat(p.locationOf("/backup/missing")).isEqualTo(new Location(f, 10, 9));
    assertThat(p.locationOf("/tags/1")).isEqualTo(new Location(f, 11, 17));
    assertThat(p.locationOf("/a~1b")).isEqualTo(new Location(f, 12, 12));
    assertThat(p.locationOf("")).isEqualTo(new Location(f, 9, 7));
    assertThat(p.pathOf("/backup/window")).isEqualTo("instances[0].parameters.backup.window");
    assertThat(p.pathOf("/tags/1")).isEqualTo("instances[0].parameters.tags[1]");
    assertThat(p.pathOf("/a~1b")).isEqualTo("instances[0].parameters[\"a/b\"]");
    assertThat(p.toJson().get("nothing").isNull()).isTrue();
  }

  @Test
  void isImmutable() {
    var object = ConfigObject.empty("instances[0].parameters", new Location("c.yaml", 3, 5));
    object.toJson().put("changed", true);
    assertThat(object.isEmpty()).isTrue();
    assertThat(object.locationOf("/anything")).isEqualTo(new Location("c.yaml", 3, 5));
  }

  @Test
  void sourceFallsBackToTheNearestWrittenField() {
    var at = new Location("c.yaml", 3, 5);
    var source = new Source("brokers[0]", at, Map.of("auth", new Location("c.yaml", 6, 7)));
    assertThat(source.locationOf("auth.basic.password")).isEqualTo(new Location("c.yaml", 6, 7));
    assertThat(source.locationOf("timeouts.connect")).isEqualTo(at);
    assertThat(source.pathOf("auth.basic")).isEqualTo("brokers[0].auth.basic");
    assertThat(source.pathOf("")).isEqualTo("brokers[0]");
  }
}
