package dev.catalog.osb;

/**
 * Hears about a running poll: the broker's progress text (P-13) and invalid responses (P-20); and
 * may ask it to stop waiting.
 */
public interface PollListener {
  PollListener NONE = new PollListener() {};

  /** A poll answered {@code in progress}. */
  default void inProgress(LastOperationResponse operation) {}

  /** A poll failed or answered nonsense; polling goes on within the budget. */
  default void invalidResponse(BrokerException failure) {}

  /**
   * Whether the caller stopped waiting (an interrupted apply, issue 6): the poll then ends as still
   * in progress, before its next wait and again after it, without asking the broker once more.
   */
  default boolean stopWaiting() {
    return false;
  }
}
