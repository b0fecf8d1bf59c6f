package dev.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor redactor = new Redactor();

  @Test
  void masksAPasswordAndItsBasicFormWithAndWithoutPadding() {
    redactor.addBasic("admin", Secret.of("pa55word"));

    assertThat(
            redactor.scrub(
                "got Basic YWRtaW46cGE1NXdvcmQ= and YWRtaW46cGE1NXdvcmQ for pa55word"))
        .isEqualTo("got Basic (sensitive) and (sensitive) for (sensitive)");
  }

  @Test
  void masksTheLongerOfTwoOverlappingSecretsWhole() {
    redactor.addValue("token-abc");
    redactor.addValue("token-abc-extended");

    assertThat(redactor.scrub("x token-abc-extended y")).isEqualTo("x (sensitive) y");
  }

  @Test
  void leavesValuesTooShortToMaskWithoutManglingWords() {
    redactor.addValue("abc");

    assertThat(redactor.scrub("abcdef")).isEqualTo("abcdef");
  }

  @Test
  void learnsEveryStringOfBindingCredentialsAndScrubsJsonTrees() throws Exception {
    var json = new ObjectMapper();
    redactor.addLeaves(json.readTree("{\"uri\":\"postgres://u:pw-1234@db\",\"n\":[\"deep-val\"]}"));

    var scrubbed =
        redactor.scrub(json.readTree("{\"description\":\"bad postgres://u:pw-1234@db\","
            + "\"list\":[\"deep-val!\"]}"));

    assertThat(scrubbed.toString())
        .isEqualTo("{\"description\":\"bad (sensitive)\",\"list\":[\"(sensitive)!\"]}");
  }
}
