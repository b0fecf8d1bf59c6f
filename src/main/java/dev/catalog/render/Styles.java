package dev.catalog.render;

/**
 * ANSI colours for plan symbols, or none: colour only when the CLI allows it (a terminal, no {@code
 * NO_COLOR}, no {@code --no-color}). The only place catalog writes escape codes.
 */
public final class Styles {
  private static final String RESET = "\u001B[0m";

  private final boolean colour;

  private Styles(boolean colour) {
    this.colour = colour;
  }

  /** Colours on or off. */
  public static Styles of(boolean colour) {
    return new Styles(colour);
  }

  /** Plain text. */
  public static Styles plain() {
    return new Styles(false);
  }

  /** {@code text} in the colour of a plan symbol: green +, yellow ~, red -, red/green -/+. */
  String symbol(String symbol, String text) {
    if (!colour) {
      return text;
    }
    var code =
        switch (symbol.strip()) {
          case "+" -> "\u001B[32m";
          case "~" -> "\u001B[33m";
          case "-" -> "\u001B[31m";
          case "-/+", "+/-" -> "\u001B[35m";
          default -> "";
        };
    return code.isEmpty() ? text : code + text + RESET;
  }

  /** Bold, for headings and the summary line. */
  String bold(String text) {
    return colour ? "\u001B[1m" + text + RESET : text;
  }
}
