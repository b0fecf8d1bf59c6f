package dev.catalog.osb;

import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * What failed in a TLS handshake, in words and with what to do, instead of the JDK's text ({@code
 * PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: ...}),
 * which names classes and not the fix (issue 19).
 */
final class TlsFailures {
  /** A fully qualified class name followed by a colon, as exception texts chain them. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error):\\s*");

  private TlsFailures() {}

  static String describe(SSLException e) {
    var text = chain(e);
    var lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("unable to find valid certification path")
        || lower.contains("pkix path")) {
      return "the broker's certificate is not signed by a CA this catalog trusts;"
          + " set the broker's tls.caFile to the CA certificate that signed it";
    }
    if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
      return "the broker's certificate is not issued for this host name;"
          + " use the host name the certificate names in the broker's url";
    }
    if (lower.contains("expired") || lower.contains("not yet valid")) {
      return "the broker's certificate has expired or is not yet valid";
    }
    if (lower.contains("unrecognized ssl message") || lower.contains("plaintext connection")) {
      return "the broker did not answer in TLS; is its url http:// rather than https://?";
    }
    if (lower.contains("handshake_failure") || lower.contains("protocol_version")) {
      return "the broker and catalog share no TLS version or cipher";
    }
    if (lower.contains("terminated the handshake")) {
      return "the broker closed the connection during the handshake";
    }
    var plain = CLASS_NAME.matcher(text).replaceAll("").strip();
    return plain.isEmpty() ? "the handshake failed" : plain;
  }

  private static String chain(Throwable e) {
    var text = new StringBuilder();
    for (var t = e; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append(' ');
    }
    return text.toString();
  }
}
