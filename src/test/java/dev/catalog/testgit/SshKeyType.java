package dev.catalog.testgit;

/** The key types {@code ssh-keygen} makes that users have, for client keys and host keys. */
public enum SshKeyType {
  ED25519("ed25519"),
  ECDSA("ecdsa"),
  RSA("rsa");

  private final String keygenName;

  SshKeyType(String keygenName) {
    this.keygenName = keygenName;
  }

  /** The {@code -t} argument of {@code ssh-keygen}, and OpenSSH's default file name part. */
  public String keygenName() {
    return keygenName;
  }

  /** OpenSSH's default private key file name for this type, e.g. {@code id_ed25519}. */
  public String defaultFileName() {
    return "id_" + keygenName;
  }
}
