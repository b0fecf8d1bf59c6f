package dev.catalog.cli;

import java.util.ArrayList;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Adds the Examples and Exit codes sections ({@link HelpExamples}, {@link HelpExitCodes}) to every
 * command's {@code --help}, after the options and before the footer, and writes options as {@code
 * -f PATH} rather than picocli's {@code -f=PATH} in the synopsis and option list (issue 17). The
 * parser keeps {@code =} as its separator, so {@code --lock=false} still parses. The sections are
 * renderer objects, not lambdas: this runs on every start-up (issue 7) and renders nothing unless
 * help is printed.
 */
final class HelpSections {
  static final String EXAMPLES = "examples";
  static final String EXIT_CODES = "exitCodes";

  /** An option name (possibly followed by ANSI style codes) and the {@code =} after it. */
  private static final Pattern OPTION_EQUALS =
      Pattern.compile("(-[a-zA-Z][\\w-]*(?:\u001B\\[[\\d;]*m)*)=");

  private HelpSections() {}

  /** Installs the sections on this command and all its subcommands. */
  static void install(CommandLine root) {
    var keys = new ArrayList<>(root.getHelpSectionKeys());
    int footer = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING);
    keys.add(footer, EXIT_CODES);
    keys.add(footer, EXAMPLES);
    // picocli sets the keys on every subcommand added so far too.
    root.setHelpSectionKeys(keys);
    addRenderers(root);
  }

  private static void addRenderers(CommandLine cmd) {
    var sections = cmd.getHelpSectionMap();
    sections.put(EXAMPLES, new Section(EXAMPLES));
    sections.put(EXIT_CODES, new Section(EXIT_CODES));
    sections.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS,
        new Section(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS));
    sections.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
        new Section(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST));
    for (var sub : cmd.getSubcommands().values()) {
      addRenderers(sub);
    }
  }

  /** The qualified name without the root: {@code catalog}, {@code plan}, {@code state show}. */
  static String commandKey(CommandLine.Model.CommandSpec spec) {
    var name = spec.qualifiedName();
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(space + 1);
  }

  /** {@code -f=PATH} written as {@code -f PATH}. */
  static String spaced(String text) {
    return OPTION_EQUALS.matcher(text).replaceAll("$1 ");
  }

  private record Section(String key) implements IHelpSectionRenderer {
    @Override
    public String render(Help help) {
      var command = commandKey(help.commandSpec());
      return switch (key) {
        case EXAMPLES -> "%nExamples:%n".formatted() + indent(HelpExamples.of(command));
        case EXIT_CODES -> "%nExit codes:%n".formatted() + HelpExitCodes.of(command) + "\n";
        case CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS -> spaced(
            help.synopsis(help.synopsisHeadingLength()));
        default -> spaced(help.optionList());
      };
    }

    private static String indent(String text) {
      var out = new StringBuilder();
      for (var line : text.split("\n", -1)) {
        out.append(line.isEmpty() ? "" : "  ").append(line).append('\n');
      }
      return out.toString();
    }
  }
}
