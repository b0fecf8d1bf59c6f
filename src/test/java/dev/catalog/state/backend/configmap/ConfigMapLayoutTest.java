package dev.catalog.state.backend.configmap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigMapLayoutTest {
  private static final byte[] STATE = "{\"serial\":3,\"resources\":{}}".getBytes(UTF_8);

  @Test
  void gzipRoundTripsWhenTheSizeMatchesTheHead() {
    byte[] compressed = ConfigMapLayout.gzip(STATE);

    assertThat(ConfigMapLayout.gunzip(compressed, STATE.length)).isEqualTo(STATE);
  }

  @Test
  void contentLongerThanTheHeadSaysIsRejectedWithoutInflatingItAll() {
    byte[] compressed = ConfigMapLayout.gzip(new byte[10_000_000]);

    assertThatThrownBy(() -> ConfigMapLayout.gunzip(compressed, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inflates to more than 100 bytes, but the head says 100");
  }

  @Test
  void contentShorterThanTheHeadSaysIsRejected() {
    assertThatThrownBy(() -> ConfigMapLayout.gunzip(ConfigMapLayout.gzip(STATE), 99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inflates to " + STATE.length + " bytes, but the head says 99");
  }

  @Test
  void splitKeepsOrderAndTheLastPieceHoldsTheRest() {
    byte[] data = new byte[10];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }

    List<byte[]> pieces = ConfigMapLayout.split(data, 4);

    assertThat(pieces).hasSize(3);
    assertThat(pieces.get(0)).containsExactly(0, 1, 2, 3);
    assertThat(pieces.get(2)).containsExactly(8, 9);
  }

  @Test
  void chunkNameIsTheStateNameAndTheFirstSixteenHexDigitsOfTheSha256() {
    assertThat(ConfigMapLayout.chunkName("catalog-state", "abc".getBytes(UTF_8)))
        .isEqualTo("catalog-state-chunk-ba7816bf8f01cfea");
  }

  @Test
  void serialIsFoundAtTheTopLevelOnly() {
    assertThat(
            StateSerial.of("{\"resources\":{\"x\":{\"serial\":9}},\"serial\":4}".getBytes(UTF_8)))
        .contains("4");
    assertThat(StateSerial.of("not json".getBytes(UTF_8))).isEmpty();
    assertThat(StateSerial.of("{\"serial\":\"4\"}".getBytes(UTF_8))).isEmpty();
  }
}
