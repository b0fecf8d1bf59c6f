package dev.catalog.osb;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding for path segments and query values (checklist H-18, P-05). Not {@code
 * URLEncoder}: that does form encoding, turning a space into {@code +}.
 */
public final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** Encodes every byte outside the RFC 3986 unreserved set {@code A-Z a-z 0-9 - . _ ~}. */
  public static String encode(String value) {
    var out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
