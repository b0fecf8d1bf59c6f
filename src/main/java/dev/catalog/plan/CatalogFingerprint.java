package dev.catalog.plan;

import dev.catalog.osb.model.Catalog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of a parsed catalog, recorded per broker in state ({@code BrokerRecord}) so the next
 * plan notices that the catalog changed. Apply records {@link #of} of the catalog it planned with.
 */
public final class CatalogFingerprint {
  private CatalogFingerprint() {}

  /** {@code sha256:HEX} of the catalog's canonical text (records print in a fixed order). */
  public static String of(Catalog catalog) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return "sha256:"
          + HexFormat.of()
              .formatHex(digest.digest(catalog.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
