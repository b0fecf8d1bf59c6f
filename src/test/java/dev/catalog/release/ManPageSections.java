package dev.catalog.release;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.catalog.cli.HelpExamples;
import dev.catalog.cli.HelpExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Completes picocli's AsciiDoc man pages into ones a man reader expects (issue 17): after its NAME,
 * SYNOPSIS, DESCRIPTION and OPTIONS come EXAMPLES (the --help examples), ENVIRONMENT, FILES, EXIT
 * STATUS (the --help exit codes) and SEE ALSO; its footer section (the --help footer) goes, and
 * options are written {@code -f PATH} as --help writes them.
 */
final class ManPageSections {
  private static final String END = "// end::picocli-generated-full-manpage[]";
  private static final String FOOTER_START = "// tag::picocli-generated-man-section-footer[]";
  private static final String FOOTER_END = "// end::picocli-generated-man-section-footer[]";

  static final String ENVIRONMENT =
      """
      == Environment

      NO_COLOR::
        When set (to anything), no colours; so do --no-color and output that is not a terminal.

      COLUMNS::
        Width of the terminal for wrapped output (default 100).

      KUBECONFIG::
        The Kubernetes configuration for the configmap state backend and Secret credential sinks.

      JAVA_OPTS::
        Extra options for the Java runtime that runs catalog (read by the launcher).

      Variables named by fromEnv in the configuration::
        Secrets (broker passwords, tokens) are read from the variables the configuration names,
        e.g. password: { fromEnv: DEMO_BROKER_PASSWORD }; never from the command line.
      """;

  static final String FILES =
      """
      == Files

      catalog.yaml::
        The configuration read when no -f is given; -f DIR reads every *.yaml and *.yml in DIR.

      catalog.state.json::
        The local state backend's document, beside the first configuration file unless --state
        or the backend block says otherwise; backups and errored.catalog.state.json beside it.

      plan.json::
        A plan saved with plan --out, applied exactly by apply PLANFILE.
      """;

  private ManPageSections() {}

  /** Rewrites every {@code catalog*.adoc} in {@code dir}, one per command of {@code root}. */
  static void complete(CommandLine root, Path dir) throws IOException {
    for (var page : pages(root, new LinkedHashMap<>()).entrySet()) {
      var file = dir.resolve(page.getKey() + ".adoc");
      Files.writeString(file, complete(Files.readString(file, UTF_8), page.getValue()), UTF_8);
    }
  }

  /** Man page name ({@code catalog-state-show}) to command key ({@code state show}). */
  private static Map<String, String> pages(CommandLine cmd, Map<String, String> pages) {
    var qualified = cmd.getCommandSpec().qualifiedName();
    int space = qualified.indexOf(' ');
    pages.put(qualified.replace(' ', '-'), space < 0 ? qualified : qualified.substring(space + 1));
    cmd.getSubcommands().values().forEach(sub -> pages(sub, pages));
    return pages;
  }

  static String complete(String adoc, String command) {
    int footer = adoc.indexOf(FOOTER_START);
    int footerEnd = adoc.indexOf(FOOTER_END);
    if (footer >= 0 && footerEnd > footer) {
      adoc = adoc.substring(0, footer) + adoc.substring(footerEnd + FOOTER_END.length());
    }
    adoc = adoc.replace("*=_", "* _");
    var sections =
        examples(command)
            + "\n"
            + ENVIRONMENT
            + "\n"
            + FILES
            + "\n"
            + exitStatus(command)
            + seeAlso(command)
            + "\n";
    return adoc.replace(END, sections + END);
  }

  private static String examples(String command) {
    var out = new StringBuilder("== Examples\n\n");
    String comment = null;
    for (var line : HelpExamples.of(command).split("\n")) {
      if (line.startsWith("# ")) {
        comment = line.substring(2);
      } else if (!line.isBlank()) {
        if (comment != null) {
          out.append(comment).append(":\n\n");
          comment = null;
        }
        out.append(" ").append(line).append("\n\n");
      }
    }
    return out.toString();
  }

  private static String exitStatus(String command) {
    var out = new StringBuilder("== Exit status\n\n");
    for (var line : HelpExitCodes.of(command).split("\n")) {
      var codeAndMeaning = line.strip().split(" +", 2);
      out.append('*').append(codeAndMeaning[0]).append("*::\n  ").append(codeAndMeaning[1]);
      out.append("\n\n");
    }
    return out.toString();
  }

  private static String seeAlso(String command) {
    var pages = new StringBuilder("== See also\n\n");
    var related =
        switch (command) {
          case "catalog" -> "catalog-validate(1), catalog-plan(1), catalog-apply(1)";
          case "plan" -> "catalog(1), catalog-apply(1), catalog-show(1), catalog-drift(1)";
          case "show" -> "catalog(1), catalog-plan(1), catalog-apply(1)";
          case "apply", "destroy" -> "catalog(1), catalog-plan(1), catalog-refresh(1)";
          default -> command.startsWith("state ")
              ? "catalog(1), catalog-state(1), catalog-force-unlock(1)"
              : "catalog(1), catalog-plan(1), catalog-state(1)";
        };
    return pages
        .append(related)
        .append("\n\nThe guides in the docs/ directory of the catalog repository.\n")
        .toString();
  }
}
