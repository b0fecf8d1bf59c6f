package dev.catalog.osb;

/** Hears about a running poll: the broker's progress text (P-13) and invalid responses (P-20). */
public interface PollListener {
  PollListener NONE = new PollListener() {};

  /** A poll answered {@code in progress}. */
  default void inProgress(LastOperation operation) {}

  /** A poll failed or answered nonsense; polling goes on within the budget. */
  default void invalidResponse(BrokerException failure) {}
}
