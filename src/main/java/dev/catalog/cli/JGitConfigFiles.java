package dev.catalog.cli;

import java.io.File;
import java.nio.file.Files;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Keeps JGit's own settings file ({@code $XDG_CONFIG_HOME/jgit/config}, where it caches what it
 * measured of the file system) in memory when it cannot be written: in a Pod with no writable
 * HOME, JGit logged a stack trace on stderr for every run of the git backend (issue 19). The
 * cache only saves JGit a measurement on the next run.
 */
final class JGitConfigFiles extends SystemReader.Delegate {
  private JGitConfigFiles(SystemReader delegate) {
    super(delegate);
  }

  /**
   * Installs it for this process, once; called before the first use of JGit ({@link
   * BackendFactory} for the git backend, {@link ConfigCommit}), not at start-up: initialising JGit
   * starts SLF4J, whose service lookup opens the 40 MB jar, and the JDK's security providers for
   * SHA-1, about 15 ms of every start, {@code --version} included (docs/performance.md).
   */
  static synchronized void install() {
    var current = SystemReader.getInstance();
    if (!(current instanceof JGitConfigFiles)) {
      SystemReader.setInstance(new JGitConfigFiles(current));
    }
  }

  @Override
  public FileBasedConfig openJGitConfig(Config parent, FS fs) {
    var config = super.openJGitConfig(parent, fs);
    var file = config.getFile();
    if (file == null || writable(file.getParentFile())) {
      return config;
    }
    return new FileBasedConfig(parent, null, fs) {
      @Override
      public void load() {}

      @Override
      public void save() {}

      @Override
      public boolean isOutdated() {
        return false;
      }
    };
  }

  /** Whether the directory exists and is writable, or could be created. */
  private static boolean writable(File dir) {
    for (var d = dir; d != null; d = d.getParentFile()) {
      if (d.exists()) {
        return Files.isWritable(d.toPath()) && d.isDirectory();
      }
    }
    return false;
  }
}
