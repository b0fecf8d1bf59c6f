package dev.catalog.state.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend's file replacement: new content in place, the previous kept as backup. */
class AtomicFileWriterTest {
  @TempDir Path dir;

  @Test
  void eachWriteKeepsThePreviousContentAsBackupAndLeavesNoTemporaryFile() throws IOException {
    var file = dir.resolve("catalog.state.json");
    var writer = new AtomicFileWriter(file);

    writer.replace(bytes("first"));
    writer.replace(bytes("second"));
    writer.replace(bytes("third"));

    assertThat(Files.readString(file)).isEqualTo("third");
    assertThat(Files.readString(dir.resolve("catalog.state.json.backup"))).isEqualTo("second");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("catalog.state.json", "catalog.state.json.backup");
    }
  }

  @Test
  void aLinkLeftByAnInterruptedWriteIsReplaced() throws IOException {
    var file = dir.resolve("catalog.state.json");
    var writer = new AtomicFileWriter(file);
    writer.replace(bytes("first"));
    Files.writeString(dir.resolve(".catalog.state.json.backup.link"), "left by a crash");

    writer.replace(bytes("second"));

    assertThat(Files.readString(dir.resolve("catalog.state.json.backup"))).isEqualTo("first");
    assertThat(dir.resolve(".catalog.state.json.backup.link")).doesNotExist();
  }

  @Test
  void theVersionTokenIsTheDigestOfTheWrittenContent() throws IOException {
    var writer = new AtomicFileWriter(dir.resolve("catalog.state.json"));

    assertThat(writer.replace(bytes("first"))).isEqualTo(AtomicFileWriter.digest(bytes("first")));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
