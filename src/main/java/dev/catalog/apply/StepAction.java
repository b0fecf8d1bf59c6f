package dev.catalog.apply;

/** What a step does to its resource; decides how it counts in the summary. */
public enum StepAction {
  CREATE("create"),
  UPDATE("update"),
  /** Delete and create again: counts as one added and one destroyed, as in Terraform. */
  REPLACE("replace"),
  DELETE("delete");

  private final String label;

  StepAction(String label) {
    this.label = label;
  }

  /** The lower-case name used in JSON events. */
  public String label() {
    return label;
  }
}
