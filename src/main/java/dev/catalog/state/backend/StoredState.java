package dev.catalog.state.backend;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * A state document as a backend holds it.
 *
 * <p>The array is taken over, not copied: every backend passes one it just read and keeps no other
 * reference to it, and a state of 100,000 instances is 243 MB, so a defensive copy would double
 * the peak heap of a read (issue 7). Readers get a copy from {@link #content()} or a stream over
 * the array from {@link #contentStream()}.
 *
 * @param content the serialised document, owned by this record from now on
 * @param version the backend's own version token: a file digest, a commit id or a resourceVersion
 */
public record StoredState(byte[] content, String version) {
  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The document as a stream, without copying it. */
  public InputStream contentStream() {
    return new ByteArrayInputStream(content);
  }
}
