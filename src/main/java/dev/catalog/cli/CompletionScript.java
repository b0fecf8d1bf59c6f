package dev.catalog.cli;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The bash completion script (zsh runs it through bashcompinit): picocli's, with values written
 * as the commands take and print them (lower case: {@code --format json}, not picocli's enum
 * constant {@code JSON}), and resource addresses from the state for {@code --target}, {@code state
 * show|rm|mv} and {@code credentials} (issue 17). The addresses come from {@code catalog state
 * list} run with the {@code -f}, {@code --state} and backend options already on the command line.
 */
public final class CompletionScript {
  /** Commands whose positional parameters are recorded addresses. */
  private static final List<String> ADDRESS_POSITIONALS =
      List.of("catalog_state_show", "catalog_state_rm", "catalog_state_mv", "catalog_credentials");

  private static final Pattern OPTION_VALUES =
      Pattern.compile("(local \\w+_option_args=\\()([^)]*)(\\))");
  private static final String TARGET_CASE = "    '--target')\n      return\n      ;;\n";
  private static final String TARGET_ADDRESSES =
      """
          '--target')
            local IFS=$'\\n'
            COMPREPLY=( $( compgen -W "$(_catalog_addresses)" -- "${curr_word}" ) )
            return $?
            ;;
      """;

  private static final String ADDRESSES_FUNCTION =
      """

      # Resource addresses recorded in the state, for --target, state show|rm|mv and credentials:
      # asks 'catalog state list' with the -f, --state and backend options already typed.
      function _catalog_addresses() {
        local args=() i
        for ((i = 1; i < COMP_CWORD; i++)); do
          case ${COMP_WORDS[i]} in
            -f|--file|--state|--backend|--backend-config)
              args+=("${COMP_WORDS[i]}" "${COMP_WORDS[i+1]}") ;;
            --file=*|--state=*|--backend=*|--backend-config=*) args+=("${COMP_WORDS[i]}") ;;
          esac
        done
        "${COMP_WORDS[0]}" state list --lock=false -q "${args[@]}" 2>/dev/null
      }
      """;

  private CompletionScript() {}

  /** The bash script for {@code root}. */
  public static String bash(CommandLine root) {
    var script = AutoComplete.bash(root.getCommandName(), root);
    script = lowerCaseValues(script);
    script = script.replace(TARGET_CASE, TARGET_ADDRESSES);
    for (var function : ADDRESS_POSITIONALS) {
      script = addressPositionals(script, "function _picocli_" + function + "() {");
    }
    return script + ADDRESSES_FUNCTION;
  }

  /** zsh: the bash script behind bashcompinit. */
  public static String zsh(CommandLine root) {
    return "autoload -U +X compinit && compinit\n"
        + "autoload -U +X bashcompinit && bashcompinit\n"
        + bash(root);
  }

  private static String lowerCaseValues(String script) {
    return OPTION_VALUES
        .matcher(script)
        .replaceAll(
            m ->
                Matcher.quoteReplacement(
                    m.group(1) + m.group(2).toLowerCase(Locale.ROOT) + m.group(3)));
  }

  private static String addressPositionals(String script, String header) {
    int start = script.indexOf(header);
    if (start < 0) {
      return script;
    }
    int end = script.indexOf("\n}\n", start);
    var function = script.substring(start, end);
    var completed =
        function.replace("local positionals=\"\"", "local positionals=\"$(_catalog_addresses)\"");
    return script.substring(0, start) + completed + script.substring(end);
  }
}
