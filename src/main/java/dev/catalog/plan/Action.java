package dev.catalog.plan;

/** What apply will do to one resource, with the symbol Terraform users know. */
public enum Action {
  CREATE("+", "create"),
  UPDATE("~", "update"),
  REPLACE("-/+", "replace"),
  DELETE("-", "delete"),
  NO_OP(" ", "no-op");

  private final String symbol;
  private final String wireName;

  Action(String symbol, String wireName) {
    this.symbol = symbol;
    this.wireName = wireName;
  }

  /** {@code +}, {@code ~}, {@code -/+}, {@code -}, or a blank for no-op. */
  public String symbol() {
    return symbol;
  }

  /** The name in JSON output and docs: {@code create}, {@code no-op}, ... */
  public String wireName() {
    return wireName;
  }

  /** Whether this action changes anything (counts for {@code --detailed-exitcode}). */
  public boolean changes() {
    return this != NO_OP;
  }
}
