package dev.catalog.sink;

/** What a sink holds now, as drift detection sees it (issue 13). */
public sealed interface SinkContent {
  /** Nothing is there: the Secret or file was deleted. */
  record Missing() implements SinkContent {}

  /**
   * Something is there that catalog does not own for this binding.
   *
   * @param whose who it belongs to, for people: {@code exists and was not created by catalog}
   * @param refusal the whole sentence apply fails with: what it is, that catalog will not overwrite
   *     it, and how to adopt it
   */
  record NotOwned(String whose, String refusal) implements SinkContent {}

  /**
   * Something is there that cannot be read as credentials (a file that is no longer JSON).
   *
   * @param why for people; never quotes the content
   */
  record Unreadable(String why) implements SinkContent {}

  /**
   * catalog's content.
   *
   * @param stored the content as stored, masked
   */
  record Present(Credentials stored) implements SinkContent {}
}
