package dev.catalog.release;

import java.util.Set;

/** The real CLI's command names, for tests that check examples only run commands that exist. */
public final class ReleaseCommands {
  private ReleaseCommands() {}

  /** Names of the top-level subcommands ({@code plan}, {@code apply}, ...). */
  public static Set<String> subcommandNames() {
    return ReleaseFiles.commandLine().getSubcommands().keySet();
  }
}
