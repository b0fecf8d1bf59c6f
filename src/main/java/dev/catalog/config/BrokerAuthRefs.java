package dev.catalog.config;

import java.util.Objects;

/** How catalog authenticates to a broker: HTTP basic or a bearer token. */
public sealed interface BrokerAuthRefs {
  /**
   * HTTP basic authentication, which every OSB broker must support.
   *
   * @param username inline ({@link SecretRef.Literal}) or a reference
   * @param password always a reference, never inline
   */
  record Basic(SecretRef username, SecretRef password) implements BrokerAuthRefs {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (password instanceof SecretRef.Literal) {
        throw new IllegalArgumentException("a password must be a reference, not inline");
      }
    }
  }

  /** A bearer token, always a reference. */
  record Bearer(SecretRef token) implements BrokerAuthRefs {
    public Bearer {
      Objects.requireNonNull(token, "token");
      if (token instanceof SecretRef.Literal) {
        throw new IllegalArgumentException("a token must be a reference, not inline");
      }
    }
  }
}
