package dev.catalog.state.backend;

/**
 * A state document as a backend holds it.
 *
 * @param content the serialised document
 * @param version the backend's own version token: a file digest, a commit id or a resourceVersion
 */
public record StoredState(byte[] content, String version) {
  public StoredState {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
