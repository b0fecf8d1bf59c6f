package dev.catalog.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subcommands of {@code catalog}, in the order its help lists them, and which of them a command
 * line needs. Building picocli's model of a command reflects over its options, mixins and nested
 * subcommands; building all fifteen took most of the start-up of {@code catalog --version} (issue
 * 7), so a run builds only the subcommand it invokes. Help, completion, no subcommand or an unknown
 * one (for picocli's "did you mean") get all of them.
 */
final class Subcommands {
  /** Name to command class; each name is the class's {@code @Command(name)}. */
  static final Map<String, Class<?>> BY_NAME = byName();

  private Subcommands() {}

  private static Map<String, Class<?>> byName() {
    var map = new LinkedHashMap<String, Class<?>>();
    map.put("validate", ValidateCommand.class);
    map.put("plan", PlanCommand.class);
    map.put("apply", ApplyCommand.class);
    map.put("show", ShowCommand.class);
    map.put("drift", DriftCommand.class);
    map.put("destroy", DestroyCommand.class);
    map.put("refresh", RefreshCommand.class);
    map.put("status", StatusCommand.class);
    map.put("import", ImportCommand.class);
    map.put("marketplace", MarketplaceCommand.class);
    map.put("lock", LockCommand.class);
    map.put("credentials", CredentialsCommand.class);
    map.put("graph", GraphCommand.class);
    map.put("state", StateCommand.class);
    map.put("force-unlock", ForceUnlockCommand.class);
    map.put("init", InitCommand.class);
    map.put("version", VersionCommand.class);
    map.put("completion", CompletionCommand.class);
    return map;
  }

  /** Every subcommand. */
  static List<Class<?>> all() {
    return List.copyOf(BY_NAME.values());
  }

  /**
   * The subcommands {@code args} needs: the one it names, none for {@code --version} alone, else
   * all. The root's own options are flags without values, so the first argument not starting with
   * {@code -} is the subcommand's name.
   */
  static List<Class<?>> neededBy(String... args) {
    for (var arg : args) {
      if (arg.equals("--")) {
        break;
      }
      if (arg.startsWith("-")) {
        continue;
      }
      var command = BY_NAME.get(arg);
      // completion prints a script covering every command.
      return command == null || command == CompletionCommand.class ? all() : List.of(command);
    }
    // A loop, not a stream with a lambda: this runs on every start-up (issue 7).
    boolean versionOnly = args.length > 0;
    for (var arg : args) {
      versionOnly &= arg.equals("-V") || arg.equals("--version");
    }
    return versionOnly ? List.of() : all();
  }
}
