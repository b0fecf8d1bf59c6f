package dev.catalog.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads CI workflow files and pulls out the parts the tests check: steps, scripts, commands. */
final class Workflows {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern CATALOG_COMMAND =
      Pattern.compile("(?m)(?:^|[;&|]\\s*)(catalog\\s[^\\n>|]*)");

  private Workflows() {}

  static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code catalog ...} command line in a script, trimmed, without redirections. */
  static List<String> catalogCommands(String script) {
    var commands = new ArrayList<String>();
    var matcher = CATALOG_COMMAND.matcher(script);
    while (matcher.find()) {
      commands.add(matcher.group(1).trim());
    }
    return commands;
  }

  /** The text of every {@code run:} of a GitHub job's steps, in order. */
  static List<String> githubRuns(JsonNode job) {
    var runs = new ArrayList<String>();
    job.path("steps").forEach(step -> runs.add(step.path("run").asText("")));
    return runs;
  }

  /** The {@code uses:} of every step of every job. */
  static List<String> githubUses(JsonNode workflow) {
    var uses = new ArrayList<String>();
    workflow
        .path("jobs")
        .forEach(
            job ->
                job.path("steps")
                    .forEach(
                        step -> {
                          if (step.has("uses")) {
                            uses.add(step.get("uses").asText());
                          }
                        }));
    return uses;
  }

  /** The lines of a GitLab job's {@code before_script} (from extends) and {@code script}. */
  static String gitlabScript(JsonNode pipeline, String jobName) {
    var job = pipeline.path(jobName);
    var text = new StringBuilder();
    var base = pipeline.path(job.path("extends").asText(""));
    base.path("before_script").forEach(line -> text.append(line.asText()).append('\n'));
    job.path("script").forEach(line -> text.append(line.asText()).append('\n'));
    return text.toString();
  }
}
