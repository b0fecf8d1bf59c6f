package dev.catalog.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonProgressRendererTest {
  @Test
  void writesOneJsonObjectPerEventAndASummary() {
    var text = new StringWriter();

    ProgressScript.play(new JsonProgressRenderer(new PrintWriter(text)));

    String head = "{\"format_version\":\"1\",\"type\":";
    assertThat(text.toString())
        .isEqualTo(
            head
                + "\"started\",\"address\":\"instance.db\",\"action\":\"create\","
                + "\"timestamp\":\"2026-11-21T06:00:00Z\"}\n"
                + head
                + "\"started\",\"address\":\"instance.old\",\"action\":\"delete\","
                + "\"timestamp\":\"2026-11-21T06:00:00Z\"}\n"
                + head
                + "\"polling\",\"address\":\"instance.db\",\"action\":\"create\","
                + "\"timestamp\":\"2026-11-21T06:00:02Z\",\"elapsed_seconds\":2,"
                + "\"description\":\"provisioning\"}\n"
                + head
                + "\"polling\",\"address\":\"instance.db\",\"action\":\"create\","
                + "\"timestamp\":\"2026-11-21T06:00:04Z\",\"elapsed_seconds\":4,"
                + "\"description\":\"provisioning\"}\n"
                + head
                + "\"completed\",\"address\":\"instance.old\",\"action\":\"delete\","
                + "\"timestamp\":\"2026-11-21T06:00:05Z\",\"elapsed_seconds\":5}\n"
                + head
                + "\"polling\",\"address\":\"instance.db\",\"action\":\"create\","
                + "\"timestamp\":\"2026-11-21T06:00:12Z\",\"elapsed_seconds\":12,"
                + "\"description\":\"provisioning\"}\n"
                + head
                + "\"polling\",\"address\":\"instance.db\",\"action\":\"create\","
                + "\"timestamp\":\"2026-11-21T06:00:13Z\",\"elapsed_seconds\":13,"
                + "\"description\":\"creating\\u001B[2J users\\n\"}\n"
                + head
                + "\"completed\",\"address\":\"instance.db\",\"action\":\"create\","
                + "\"timestamp\":\"2026-11-21T06:01:15Z\",\"elapsed_seconds\":75}\n"
                + head
                + "\"started\",\"address\":\"binding.app\",\"action\":\"create\","
                + "\"timestamp\":\"2026-11-21T06:01:15Z\"}\n"
                + head
                + "\"failed\",\"address\":\"binding.app\",\"action\":\"create\","
                + "\"timestamp\":\"2026-11-21T06:01:16Z\",\"elapsed_seconds\":1,\"message\":"
                + "\"binding.app: bind failed: broker \\\"acme\\\" returned 500 Internal Server"
                + " Error: \\\"out of connections\\\"\"}\n"
                + head
                + "\"skipped\",\"address\":\"binding.report\",\"action\":\"create\","
                + "\"timestamp\":\"2026-11-21T06:01:16Z\",\"reason\":\"because binding.app"
                + " failed\"}\n"
                + head
                + "\"summary\",\"added\":1,\"changed\":0,\"destroyed\":1,\"succeeded\":2,"
                + "\"failed\":1,\"skipped\":1,\"in_progress\":0,\"interrupted\":false,"
                + "\"message\":\"Apply failed! Resources: 1 added, 0 changed, 1 destroyed;"
                + " 1 failed, 1 skipped.\"}\n");
  }
}
