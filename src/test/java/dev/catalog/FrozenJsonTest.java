package dev.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class FrozenJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode parse(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  @Test
  void aFrozenObjectEqualsAndHashesLikeItsSourceAndSerialisesInTheSameOrder() throws Exception {
    var source =
        parse("{\"size\":10,\"region\":\"eu-1\",\"tags\":[\"a\",\"b\"],\"backup\":{\"on\":true}}");
    var frozen = FrozenJson.freeze(source);
    assertThat(frozen).isEqualTo(source);
    assertThat(source).isEqualTo(frozen);
    assertThat(frozen.hashCode()).isEqualTo(source.hashCode());
    assertThat(JSON.writeValueAsString(frozen)).isEqualTo(JSON.writeValueAsString(source));
    assertThat(JSON.writeValueAsString(frozen)).startsWith("{\"size\":10,\"region\":\"eu-1\",");
    assertThat(frozen.at("/backup/on").booleanValue()).isTrue();
    assertThat(frozen.at("/tags/1").textValue()).isEqualTo("b");
    assertThat(frozen.get("missing")).isNull();
    assertThat(frozen.has("region")).isTrue();
  }

  @Test
  void memberOrderDoesNotMakeTwoObjectsDifferent() throws Exception {
    assertThat(FrozenJson.freeze(parse("{\"a\":1,\"b\":2}"))).isEqualTo(parse("{\"b\":2,\"a\":1}"));
    assertThat(FrozenJson.freeze(parse("{\"a\":1,\"b\":2}")))
        .isNotEqualTo(FrozenJson.freeze(parse("{\"a\":1,\"b\":3}")));
  }

  @Test
  void aFrozenTreeCannotBeChangedAtAnyDepth() throws Exception {
    var frozen = FrozenJson.freeze(parse("{\"tags\":[\"a\"],\"backup\":{\"on\":true}}"));
    assertThatThrownBy(() -> frozen.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.remove("tags"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((ObjectNode) frozen.get("backup")).put("on", false))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((ArrayNode) frozen.get("tags")).add("b"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(frozen).isEqualTo(parse("{\"tags\":[\"a\"],\"backup\":{\"on\":true}}"));
  }

  @Test
  void aDeepCopyOfAFrozenTreeIsAnOrdinaryMutableTree() throws Exception {
    var frozen = FrozenJson.freeze(parse("{\"backup\":{\"on\":true}}"));
    var copy = frozen.deepCopy();
    ((ObjectNode) copy.get("backup")).put("on", false);
    copy.put("added", 1);
    assertThat(FrozenJson.isFrozen(copy)).isFalse();
    assertThat(frozen).isEqualTo(parse("{\"backup\":{\"on\":true}}"));
  }

  @Test
  void freezingAFrozenObjectReturnsItAndFreezingCopiesAMutableOne() throws Exception {
    var source = parse("{\"a\":\"x\"}");
    var frozen = FrozenJson.freeze(source);
    assertThat(FrozenJson.freeze(frozen)).isSameAs(frozen);
    assertThat(FrozenJson.freeze((JsonNode) frozen)).isSameAs(frozen);
    source.put("a", "changed");
    assertThat(frozen.get("a").textValue()).isEqualTo("x");
  }

  @Test
  void aLargeObjectFindsEveryMemberAndKeepsItsOrder() throws Exception {
    var source = JSON.createObjectNode();
    for (int i = 0; i < 40; i++) {
      source.put("k" + (39 - i), i);
    }
    var frozen = FrozenJson.freeze(source);
    for (int i = 0; i < 40; i++) {
      assertThat(frozen.get("k" + (39 - i)).intValue()).isEqualTo(i);
    }
    var keys = new ArrayList<String>();
    frozen.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).first().isEqualTo("k39");
    assertThat(keys).last().isEqualTo("k0");
    assertThat(frozen).isEqualTo(source);
  }

  @Test
  void repeatedKeysAndShortStringsAreShared() throws Exception {
    var one = FrozenJson.freeze(parse("{\"region\":\"eu-" + 1 + "\"}"));
    var two = FrozenJson.freeze(parse("{\"region\":\"eu-" + 1 + "\"}"));
    assertThat(one.get("region").textValue()).isSameAs(two.get("region").textValue());
    assertThat(FrozenJson.freeze(JSON.createObjectNode()))
        .isSameAs(FrozenJson.freeze(JSON.createObjectNode()));
  }
}
