package dev.catalog.state.backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link BackendChild} JVM with line access to its stdin and stdout. */
final class ChildProcess implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;
  private final Path errors;

  private ChildProcess(Process process, Path errors) {
    this.process = process;
    this.errors = errors;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
  }

  static ChildProcess start(
      String mode, String type, Path baseDir, Map<String, String> settings, String... extra)
      throws IOException {
    var classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-cp", classpath, BackendChild.class.getName()));
    command.addAll(List.of(mode, type, baseDir.toString()));
    settings.forEach((k, v) -> command.add(k + "=" + v));
    command.addAll(List.of(extra));
    var errors = Files.createTempFile(baseDir, "child-" + mode + "-", ".err");
    var builder = new ProcessBuilder(command).redirectError(errors.toFile());
    return new ChildProcess(builder.start(), errors);
  }

  /** What the child wrote to stderr so far, for assertion descriptions. */
  String errors() {
    try {
      return Files.readString(errors);
    } catch (IOException e) {
      return "(stderr unreadable: " + e + ")";
    }
  }

  String readLine() throws IOException {
    return out.readLine();
  }

  void send(String line) {
    in.println(line);
  }

  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /** SIGKILL: no shutdown hooks run. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: shutdown hooks run. */
  void terminate() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
