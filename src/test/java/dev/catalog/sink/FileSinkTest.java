package dev.catalog.sink;

import static dev.catalog.sink.KubernetesSecretSinkIT.PASSWORD;
import static dev.catalog.sink.KubernetesSecretSinkIT.credentials;
import static dev.catalog.sink.KubernetesSecretSinkIT.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import dev.catalog.config.CredentialsTarget.FileFormat;
import dev.catalog.config.CredentialsTarget.FileTarget;
import dev.catalog.state.Address;
import dev.catalog.state.SinkDescription;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
  static final Address APP = Address.binding("orders-db-app");

  @TempDir Path dir;

  @Test
  void writesTheCredentialsObjectAsJsonReadableByTheOwnerOnly() throws IOException {
    Path file = dir.resolve("out/orders.json");

    sink(file, "0600", FileFormat.JSON).write(APP, credentials());

    assertThat(Files.readString(file))
        .isEqualTo(
            "{\n  \"username\" : \"orders\",\n  \"password\" : \""
                + PASSWORD
                + "\",\n  \"port\" : 5432,\n  \"hosts\" : [ \"db-0\", \"db-1\" ],\n"
                + "  \"tls\" : {\n    \"enabled\" : true\n  }\n}\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void appliesTheConfiguredModeWhateverTheUmask() throws IOException {
    Path file = dir.resolve("orders.json");

    sink(file, "0644", FileFormat.JSON).write(APP, credentials());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void writesEnvLinesWithNestedValuesAsQuotedJson() throws IOException {
    Path file = dir.resolve("orders.env");

    sink(file, "0600", FileFormat.ENV).write(APP, credentials());

    assertThat(Files.readString(file))
        .isEqualTo(
            "username=orders\n"
                + "password="
                + PASSWORD
                + "\n"
                + "port=5432\n"
                + "hosts='[\"db-0\",\"db-1\"]'\n"
                + "tls='{\"enabled\":true}'\n");
  }

  @Test
  void envValuesWithQuotesAndNewlinesReadBackAsWritten() {
    var tricky =
        json(
            "{\"A\":\"it's $HOME `x` \\\\ \\\"q\\\"\\nline2\\ttab\",\"B\":\"\",\"C\":\"a b\","
                + "\"D\":\"p@ss:w0rd/+%,.-_\"}");
    var sink = sink(dir.resolve("t.env"), "0600", FileFormat.ENV);

    sink.write(APP, Credentials.of(tricky));

    assertThat(sink.read(APP).orElseThrow().reveal()).isEqualTo(tricky);
  }

  @Test
  void replacesTheFileByRenameSoAReaderOfTheOldFileSeesItWhole() throws IOException {
    Path file = dir.resolve("orders.json");
    var sink = sink(file, "0600", FileFormat.JSON);
    sink.write(APP, Credentials.of(json("{\"password\":\"old\"}")));
    Object oldInode = Files.getAttribute(file, "unix:ino");

    try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
      sink.write(APP, Credentials.of(json("{\"password\":\"new\"}")));

      ByteBuffer buffer = ByteBuffer.allocate(100);
      reader.read(buffer);
      assertThat(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8))
          .isEqualTo("{\n  \"password\" : \"old\"\n}\n");
    }
    assertThat(Files.getAttribute(file, "unix:ino")).isNotEqualTo(oldInode);
    assertThat(Files.readString(file)).isEqualTo("{\n  \"password\" : \"new\"\n}\n");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aFailedWriteLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("orders.env");
    var sink = sink(file, "0600", FileFormat.ENV);
    sink.write(APP, Credentials.of(json("{\"PASSWORD\":\"old\"}")));

    assertThatThrownBy(
            () -> sink.write(APP, Credentials.of(json("{\"api-key\":\"" + PASSWORD + "\"}"))))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "binding.orders-db-app: credential \"api-key\" is not a valid environment variable"
                + " name, so it cannot be written in env format; rename it with a transform under"
                + " credentials.file.transforms, or use format: json");
    assertThat(Files.readString(file)).isEqualTo("PASSWORD=old\n");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void anUnwritableDirectoryIsReportedWithTheConfiguredPath() throws IOException {
    Path blocker = Files.writeString(dir.resolve("not-a-dir"), "");
    var sink = sink(blocker.resolve("orders.json"), "0600", FileFormat.JSON);

    assertThatThrownBy(() -> sink.write(APP, credentials()))
        .hasMessage(
            "binding.orders-db-app: cannot write credentials file out/orders.json: "
                + blocker
                + " exists and is not a directory");
  }

  @Test
  void deleteRemovesTheFileAndSucceedsWhenItIsGone() {
    Path file = dir.resolve("orders.json");
    var sink = sink(file, "0600", FileFormat.JSON);
    sink.write(APP, credentials());

    sink.delete(APP);
    sink.delete(APP);

    assertThat(file).doesNotExist();
    assertThat(sink.read(APP)).isEmpty();
  }

  @Test
  void aSinkOpenedFromStateReadsAnEnvFileBack() {
    Path file = dir.resolve("orders.env");
    sink(file, "0600", FileFormat.ENV).write(APP, credentials());

    var sink =
        new CredentialSinks(context -> null).forRecorded(new SinkDescription.File(file.toString()));

    assertThat(sink.read(APP).orElseThrow().reveal().get("password").textValue())
        .isEqualTo(PASSWORD);
  }

  @Test
  void aFileThatIsNotJsonIsReportedWithoutItsContent() throws IOException {
    Path file = Files.writeString(dir.resolve("orders.json"), "password=" + PASSWORD);

    assertThatThrownBy(() -> sink(file, "0600", FileFormat.JSON).read(APP))
        .hasMessage(
            "binding.orders-db-app: credentials file out/orders.json does not hold a JSON object");
  }

  private static FileSink sink(Path file, String mode, FileFormat format) {
    return new FileSink(new FileTarget(file, "out/orders.json", mode, format));
  }
}
