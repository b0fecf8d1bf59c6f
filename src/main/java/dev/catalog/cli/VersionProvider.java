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
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
