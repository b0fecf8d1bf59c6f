package dev.catalog.release;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a tar stream (ustar, with PAX and GNU long names) into name -> entry. Enough to inspect
 * image tarballs and their layers in tests without a container runtime.
 */
public final class TarEntries {
  /** One regular file, directory or link of a tar archive. */
  public record Entry(String name, int mode, char type, long uid, byte[] content) {}

  private TarEntries() {}

  public static Map<String, Entry> read(InputStream in) throws IOException {
    var entries = new LinkedHashMap<String, Entry>();
    String longName = null;
    while (true) {
      byte[] header = in.readNBytes(512);
      if (header.length < 512 || header[0] == 0) {
        return entries;
      }
      String name = text(header, 0, 100);
      String prefix = text(header, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      byte[] content = in.readNBytes((int) size);
      in.readNBytes((int) ((512 - size % 512) % 512));
      if (type == 'L') {
        longName = new String(content, UTF_8).replace("\0", "");
        continue;
      }
      if (type == 'x') {
        longName = paxPath(new String(content, UTF_8));
        continue;
      }
      if (longName != null) {
        name = longName;
        longName = null;
      }
      name = name.startsWith("./") ? name.substring(2) : name;
      name = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
      // Only the permission bits: some writers put the file type bits (0100000) in the mode too.
      int mode = (int) octal(header, 100, 8) & 07777;
      entries.put(name, new Entry(name, mode, type, octal(header, 108, 8), content));
    }
  }

  private static String paxPath(String records) {
    for (String record : records.split("\n")) {
      int eq = record.indexOf(" path=");
      if (eq >= 0) {
        return record.substring(eq + " path=".length());
      }
    }
    return null;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, UTF_8);
  }

  private static long octal(byte[] header, int offset, int length) {
    String digits = text(header, offset, length).trim();
    return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
  }
}
