package dev.catalog.apply;

import dev.catalog.Sleeper;
import dev.catalog.osb.PollingPolicy;
import dev.catalog.sink.CredentialSinks;
import dev.catalog.sink.FingerprintKey;
import java.time.Clock;
import java.util.Objects;

/**
 * What the steps of one apply share.
 *
 * @param brokers the brokers' operations by name
 * @param recorder the one writer of state
 * @param sinks opens credential sinks
 * @param fingerprintKey keys the credential fingerprints state keeps
 * @param clock stamps operations and bounds polling
 * @param sleeper waits between polls
 * @param polling backoff and the platform's maximum operation duration
 * @param waitForOperations false under {@code --no-wait}: accepted operations stay in flight
 */
public record ApplyServices(
    Brokers brokers,
    StateRecorder recorder,
    CredentialSinks sinks,
    FingerprintKey fingerprintKey,
    Clock clock,
    Sleeper sleeper,
    PollingPolicy polling,
    boolean waitForOperations) {
  public ApplyServices {
    Objects.requireNonNull(brokers, "brokers");
    Objects.requireNonNull(recorder, "recorder");
    Objects.requireNonNull(sinks, "sinks");
    Objects.requireNonNull(fingerprintKey, "fingerprintKey");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(polling, "polling");
  }
}
