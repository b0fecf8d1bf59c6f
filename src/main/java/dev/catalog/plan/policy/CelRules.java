package dev.catalog.plan.policy;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles and evaluates policy rules with cel-java ({@code dev.cel:cel}). Every rule sees two
 * variables: {@code resource}, the planned resource as a map, and {@code instances}, every declared
 * instance; it must yield a bool.
 */
final class CelRules {
  private final CelCompiler compiler =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("resource", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .addVar("instances", ListType.create(SimpleType.DYN))
          .setResultType(SimpleType.BOOL)
          .build();
  private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  /** A compiled rule. */
  interface Rule {
    /** Whether the resource passes; an evaluation error is a failure with its message. */
    Optional<String> failure(Map<String, Object> variables);
  }

  /** The rule, or the compiler's message (first issue, with its column in the expression). */
  Rule compile(String expression) throws RuleException {
    try {
      var ast = compiler.compile(expression).getAst();
      var program = runtime.createProgram(ast);
      return variables -> {
        try {
          var result = program.eval(variables);
          return Boolean.TRUE.equals(result) ? Optional.empty() : Optional.of("");
        } catch (CelEvaluationException e) {
          return Optional.of(e.getMessage());
        }
      };
    } catch (CelValidationException e) {
      var issue = e.getErrors().get(0);
      var column = issue.getSourceLocation().getColumn();
      throw new RuleException(issue.getMessage(), Math.max(column, 0));
    } catch (CelEvaluationException e) {
      throw new RuleException(e.getMessage(), 0);
    }
  }

  /** A rule that does not compile: the message and the 0-based column in the expression. */
  static final class RuleException extends Exception {
    private static final long serialVersionUID = 1L;
    final int column;

    RuleException(String message, int column) {
      super(message);
      this.column = column;
    }
  }
}
