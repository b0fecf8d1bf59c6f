package dev.catalog.release;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.catalog.cli.CliEnvironment;
import dev.catalog.cli.CompletionScript;
import dev.catalog.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the generated parts of a release: bash and zsh completion scripts and the AsciiDoc man
 * page sources (one per command, {@code catalog-plan.adoc} ...) that the build turns into troff.
 * Run by {@code mvn package} (exec-maven-plugin) from the test classpath, so picocli-codegen never
 * reaches the shipped jar.
 *
 * <p>Usage: {@code ReleaseFiles COMPLETION_DIR ADOC_DIR}.
 */
public final class ReleaseFiles {
  private ReleaseFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ReleaseFiles COMPLETION_DIR ADOC_DIR");
    }
    CommandLine root = commandLine();
    writeCompletion(root, Path.of(args[0]));
    writeManSources(root, Path.of(args[1]));
  }

  /** The real command tree, built the way the CLI builds it. */
  static CommandLine commandLine() {
    var sink = new PrintWriter(new StringWriter());
    return Main.commandLine(new CliEnvironment(sink, sink, Map.of(), false));
  }

  /**
   * picocli generates one bash script; zsh runs the same script through {@code bashcompinit}, which
   * the zsh file enables first (the same text {@code catalog completion zsh} prints).
   */
  static void writeCompletion(CommandLine root, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("catalog.bash"), CompletionScript.bash(root), UTF_8);
    Files.writeString(dir.resolve("catalog.zsh"), CompletionScript.zsh(root), UTF_8);
  }

  /** One AsciiDoc man page per command and subcommand, named like {@code catalog-plan.adoc}. */
  static void writeManSources(CommandLine root, Path dir) throws IOException {
    Files.createDirectories(dir);
    int code =
        ManPageGenerator.generateManPage(
            dir.toFile(), null, new boolean[0], true, root.getCommandSpec());
    if (code != 0) {
      throw new IOException("picocli ManPageGenerator failed with exit code " + code);
    }
    ManPageSections.complete(root, dir);
  }
}
