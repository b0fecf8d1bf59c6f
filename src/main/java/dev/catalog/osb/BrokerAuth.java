package dev.catalog.osb;

import dev.catalog.Redactor;
import dev.catalog.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/** How requests to a broker authenticate (checklist H-04, H-05). */
public sealed interface BrokerAuth permits BrokerAuth.None, BrokerAuth.Basic, BrokerAuth.Bearer {

  /** The {@code Authorization} header value, if any. Never log it. */
  Optional<String> authorizationHeader();

  /** Tells the run's redactor every form of this secret a broker could echo. */
  default void addTo(Redactor redactor) {}

  /** No {@code Authorization} header (brokers that agreed on another scheme out of band). */
  static BrokerAuth none() {
    return new None();
  }

  /** HTTP Basic, the scheme the spec requires by default. */
  static BrokerAuth basic(String username, Secret password) {
    return new Basic(username, password);
  }

  /** A bearer token, only where the broker asks for it. */
  static BrokerAuth bearer(Secret token) {
    return new Bearer(token);
  }

  /** No authentication. */
  record None() implements BrokerAuth {
    @Override
    public Optional<String> authorizationHeader() {
      return Optional.empty();
    }
  }

  /** HTTP Basic; the password prints as {@code (sensitive)}. */
  record Basic(String username, Secret password) implements BrokerAuth {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public Optional<String> authorizationHeader() {
      var pair = username + ":" + password.reveal();
      return Optional.of(
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void addTo(Redactor redactor) {
      redactor.addBasic(username, password);
    }
  }

  /** A bearer token; prints as {@code (sensitive)}. */
  record Bearer(Secret token) implements BrokerAuth {
    public Bearer {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public Optional<String> authorizationHeader() {
      return Optional.of("Bearer " + token.reveal());
    }

    @Override
    public void addTo(Redactor redactor) {
      redactor.add(token);
    }
  }
}
