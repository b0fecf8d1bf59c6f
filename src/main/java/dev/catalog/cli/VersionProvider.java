package dev.catalog.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into {@code catalog-version.properties}. */
public final class VersionProvider implements IVersionProvider {
  /** The tool version, e.g. {@code 0.1.0}; recorded in locks and saved plans. */
  public static String version() {
    // From the jar, the manifest's Implementation-Version (pom.xml, shade): the AppCDS archive
    // holds the manifest, so reading it does not open the 16,855-entry jar as a resource lookup
    // does (issue 7). From target/classes (tests) there is no manifest: the filtered properties.
    var fromManifest = VersionProvider.class.getPackage().getImplementationVersion();
    if (fromManifest != null) {
      return fromManifest;
    }
    try (InputStream in = VersionProvider.class.getResourceAsStream("/catalog-version.properties")) {
      var props = new Properties();
      if (in != null) {
        props.load(in);
      }
      return props.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "catalog " + version(),
      // Which runtime: a release's own (its runtime/ directory) or a JDK found on the machine.
      "Java "
          + Runtime.version()
          + " ("
          + System.getProperty("java.vendor")
          + ") at "
          + System.getProperty("java.home")
    };
  }
}
