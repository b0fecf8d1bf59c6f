package dev.catalog.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.release.ReleaseCommands;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The CI examples under examples/github and examples/gitlab parse as YAML and have the shape the
 * docs promise: the commands of PRODUCT.md, one PR comment found by a marker, the plan as an
 * artifact, and the released catalog rather than a source build.
 */
class CiWorkflowsTest {
  private static final Path GITHUB_PLAN = Path.of("examples/github/plan.yml");
  private static final Path GITHUB_APPLY = Path.of("examples/github/apply.yml");
  private static final Path GITLAB = Path.of("examples/gitlab/.gitlab-ci.yml");
  private static final String PLAN = "catalog plan --lock=false --out plan.json --format markdown";
  private static final String CD_PLAN =
      "catalog plan --out plan.json --lock-timeout 10m --max-destroy \"$CATALOG_MAX_DESTROY\"";
  private static final String APPLY =
      "catalog apply plan.json --auto-approve --lock-timeout 10m --max-destroy"
          + " \"$CATALOG_MAX_DESTROY\" --timeout 50m";

  @Test
  void githubPlanRunsOnPullRequestsAndPostsOneCommentAndThePlanArtifact() {
    JsonNode workflow = Workflows.read(GITHUB_PLAN);
    assertThat(workflow.path("on").has("pull_request")).isTrue();
    assertThat(workflow.path("permissions").path("pull-requests").asText()).isEqualTo("write");
    JsonNode job = workflow.path("jobs").path("plan");
    List<String> commands =
        Workflows.githubRuns(job).stream()
            .flatMap(r -> Workflows.catalogCommands(r).stream())
            .toList();
    assertThat(commands).containsExactly(PLAN);
    JsonNode upload = step(job, "actions/upload-artifact@v4");
    assertThat(upload.path("with").path("path").asText()).isEqualTo("plan.json");
    String script = step(job, "actions/github-script@v7").path("with").path("script").asText();
    assertThat(script)
        .contains("const marker = '<!-- catalog-plan -->';")
        .contains("c.body.startsWith(marker)")
        .contains("github.rest.issues.updateComment")
        .contains("github.rest.issues.createComment");
  }

  @Test
  void githubApplyPlansTheMergedCommitAndAppliesExactlyThatPlanOnPushToMain() {
    JsonNode workflow = Workflows.read(GITHUB_APPLY);
    assertThat(workflow.path("on").path("push").path("branches").get(0).asText()).isEqualTo("main");
    assertThat(workflow.path("concurrency").path("cancel-in-progress").asBoolean(true)).isFalse();
    JsonNode job = workflow.path("jobs").path("apply");
    assertThat(step(job, "actions/checkout@v4").path("with").path("ref").asText())
        .isEqualTo("${{ github.sha }}");
    List<String> commands =
        Workflows.githubRuns(job).stream()
            .flatMap(r -> Workflows.catalogCommands(r).stream())
            .toList();
    assertThat(commands).containsExactly(CD_PLAN, APPLY);
    assertThat(step(job, "actions/upload-artifact@v4").path("with").path("path").asText())
        .isEqualTo("plan.json");
  }

  @Test
  void gitlabPlansMergeRequestsWithOneNoteAndAppliesTheDefaultBranch() {
    JsonNode pipeline = Workflows.read(GITLAB);
    assertThat(pipeline.path("stages").toString()).isEqualTo("[\"plan\",\"apply\"]");
    JsonNode plan = pipeline.path("catalog-plan");
    assertThat(plan.path("rules").get(0).path("if").asText())
        .isEqualTo("$CI_PIPELINE_SOURCE == \"merge_request_event\"");
    String planScript = Workflows.gitlabScript(pipeline, "catalog-plan");
    assertThat(Workflows.catalogCommands(planScript)).containsExactly(PLAN);
    assertThat(planScript).contains("marker='<!-- catalog-plan -->'").contains("-X PUT");
    assertThat(plan.path("artifacts").path("paths").toString()).contains("\"plan.json\"");

    JsonNode apply = pipeline.path("catalog-apply");
    assertThat(apply.path("rules").get(0).path("if").asText())
        .isEqualTo("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE == \"push\"");
    assertThat(apply.path("resource_group").asText()).isEqualTo("catalog-apply");
    assertThat(Workflows.catalogCommands(Workflows.gitlabScript(pipeline, "catalog-apply")))
        .containsExactly(CD_PLAN, APPLY);
  }

  @Test
  void everyWorkflowInstallsTheReleaseTarballAndNeverBuildsFromSource() {
    for (Path file : List.of(GITHUB_PLAN, GITHUB_APPLY, GITLAB)) {
      String text = Workflows.read(file).toString();
      assertThat(text)
          .as(file.toString())
          .contains("catalog-0.1.0-linux-x64.tar.gz")
          .contains("sha256sum --check --ignore-missing SHA256SUMS")
          .doesNotContain("mvn ")
          .doesNotContain("setup-java");
      assertThat(text)
          .as(file.toString())
          .doesNotContain("|| true")
          .doesNotContain("continue-on-error");
    }
  }

  @Test
  void everyGithubActionIsPinnedToAMajorVersion() {
    for (Path file : List.of(GITHUB_PLAN, GITHUB_APPLY)) {
      assertThat(Workflows.githubUses(Workflows.read(file)))
          .as(file.toString())
          .isNotEmpty()
          .allMatch(uses -> uses.matches("[a-z-]+/[a-z-]+@v\\d+"));
    }
  }

  @Test
  void everyCatalogCommandTheExamplesRunIsACommandOfTheCli() {
    var subcommands = new TreeSet<String>();
    var scripts = new ArrayList<String>();
    for (Path file : List.of(GITHUB_PLAN, GITHUB_APPLY)) {
      Workflows.read(file).path("jobs").forEach(job -> scripts.addAll(Workflows.githubRuns(job)));
    }
    JsonNode gitlab = Workflows.read(GITLAB);
    scripts.add(Workflows.gitlabScript(gitlab, "catalog-plan"));
    scripts.add(Workflows.gitlabScript(gitlab, "catalog-apply"));
    for (String script : scripts) {
      for (String command : Workflows.catalogCommands(script)) {
        subcommands.add(command.split("\\s+")[1]);
      }
    }
    assertThat(subcommands).containsExactly("apply", "plan");
    assertThat(ReleaseCommands.subcommandNames()).containsAll(subcommands);
  }

  @Test
  void everyOptionTheExamplesPassIsAnOptionOfItsCommand() {
    var scripts = new ArrayList<String>();
    for (Path file : List.of(GITHUB_PLAN, GITHUB_APPLY)) {
      Workflows.read(file).path("jobs").forEach(job -> scripts.addAll(Workflows.githubRuns(job)));
    }
    JsonNode gitlab = Workflows.read(GITLAB);
    scripts.add(Workflows.gitlabScript(gitlab, "catalog-plan"));
    scripts.add(Workflows.gitlabScript(gitlab, "catalog-apply"));
    for (String script : scripts) {
      for (String command : Workflows.catalogCommands(script)) {
        var words = command.split("\\s+");
        var help = dev.catalog.cli.CliRun.run(words[1], "--help").out();
        for (String word : words) {
          if (word.startsWith("--")) {
            assertThat(help).as(command).contains(word.split("=")[0]);
          }
        }
      }
    }
  }

  private static JsonNode step(JsonNode job, String uses) {
    for (JsonNode step : job.path("steps")) {
      if (step.path("uses").asText().equals(uses)) {
        return step;
      }
    }
    throw new AssertionError("no step uses " + uses);
  }
}
