package dev.catalog.release;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@code mvn package} leaves in target/dist and the release tarball (issue 8). */
class ReleaseLayoutIT {
  private static final Path DIST = Path.of("target/dist");

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void theLauncherRunsTheJarBesideIt() throws IOException, InterruptedException {
    Path launcher = DIST.resolve("bin/catalog");
    assertThat(Files.getPosixFilePermissions(launcher)).contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(DIST.resolve("lib/catalog.jar")).isRegularFile();
    Process process =
        new ProcessBuilder(launcher.toString(), "version").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor()).isZero();
    assertThat(output).startsWith("catalog 0.1.0\n");
  }

  @Test
  void completionScriptsCoverEveryCommand() throws IOException {
    String bash = Files.readString(DIST.resolve("completion/catalog.bash"), UTF_8);
    String zsh = Files.readString(DIST.resolve("completion/catalog.zsh"), UTF_8);
    assertThat(bash).contains("complete -F _complete_catalog -o default catalog");
    for (String command : ReleaseCommands.subcommandNames()) {
      assertThat(bash).as(command).contains(" " + command);
    }
    assertThat(zsh)
        .startsWith(
            "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n")
        .endsWith(bash);
  }

  @Test
  void thereIsATroffManPagePerCommand() throws IOException {
    for (String command : ReleaseCommands.subcommandNames()) {
      Path page = DIST.resolve("man/man1/catalog-" + command + ".1");
      assertThat(page).as(command).isRegularFile();
      assertThat(Files.readString(page, UTF_8))
          .contains(".TH \"CATALOG\\-" + command.toUpperCase().replace("-", "\\-") + "\" \"1\"");
    }
    assertThat(DIST.resolve("man/man1/catalog.1")).isRegularFile();
  }

  @Test
  void everyManPageHasTheSectionsAManReaderExpectsInOrder() throws IOException {
    var pages = new ArrayList<Path>();
    try (var files = Files.list(DIST.resolve("man/man1"))) {
      files.forEach(pages::add);
    }
    assertThat(pages).hasSizeGreaterThan(ReleaseCommands.subcommandNames().size());
    for (Path page : pages) {
      var troff = Files.readString(page, UTF_8);
      // ARGUMENTS and COMMANDS come after OPTIONS where a command has them.
      var sections =
          troff
              .lines()
              .filter(l -> l.startsWith(".SH "))
              .filter(l -> !l.equals(".SH \"ARGUMENTS\"") && !l.equals(".SH \"COMMANDS\""))
              .toList();
      assertThat(sections)
          .as(page.toString())
          .containsExactly(
              ".SH \"NAME\"",
              ".SH \"SYNOPSIS\"",
              ".SH \"DESCRIPTION\"",
              ".SH \"OPTIONS\"",
              ".SH \"EXAMPLES\"",
              ".SH \"ENVIRONMENT\"",
              ".SH \"FILES\"",
              ".SH \"EXIT STATUS\"",
              ".SH \"SEE ALSO\"");
      assertThat(troff).as(page.toString()).doesNotContain("Exit codes:").doesNotContain("=\\fI");
    }
    assertThat(Files.readString(DIST.resolve("man/man1/catalog-plan.1"), UTF_8))
        .contains("catalog plan \\-\\-detailed\\-exitcode");
  }

  @Test
  void theTarballUnpacksToTheSameLayoutWithAnExecutableLauncher() throws IOException {
    Map<String, TarEntries.Entry> entries;
    try (InputStream in =
        new GZIPInputStream(Files.newInputStream(SelfContainedTarballIT.TARBALL))) {
      entries = TarEntries.read(in);
    }
    assertThat(entries.get("catalog-0.1.0/bin/catalog").mode()).isEqualTo(0755);
    assertThat(entries.get("catalog-0.1.0/runtime/bin/java").mode()).isEqualTo(0755);
    // Made for target/dist's path; bin/catalog makes it on a release's first run.
    assertThat(entries).doesNotContainKey("catalog-0.1.0/lib/catalog.jsa");
    assertThat(entries)
        .containsKeys(
            "catalog-0.1.0/lib/catalog.jar",
            "catalog-0.1.0/runtime/bin/java",
            "catalog-0.1.0/runtime/lib/modules",
            "catalog-0.1.0/completion/catalog.bash",
            "catalog-0.1.0/completion/catalog.zsh",
            "catalog-0.1.0/man/man1/catalog-plan.1");
  }
}
