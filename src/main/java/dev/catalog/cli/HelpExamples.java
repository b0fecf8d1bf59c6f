package dev.catalog.cli;

/**
 * The Examples section of every command's {@code --help} and man page, kubectl style: a comment
 * line saying what the example does, then the command line (issue 17). Kept apart from the command
 * classes so those stay thin; {@code HelpExamplesTest} parses every command line here against the
 * real command tree, so an example cannot name an option that does not exist.
 */
public final class HelpExamples {
  private HelpExamples() {}

  /**
   * The examples of the command with this qualified name ({@code catalog}, {@code plan}, {@code
   * state show}): lines starting with {@code #} describe the command line that follows.
   */
  public static String of(String command) {
    return switch (command) {
      case "catalog" ->
          """
          # Check the configuration, see the plan, then apply it
          catalog validate -f catalog.yaml
          catalog plan -f catalog.yaml
          catalog apply -f catalog.yaml""";
      case "validate" ->
          """
          # Check one file offline (reads no secret, contacts no broker)
          catalog validate -f catalog.yaml

          # Check every *.yaml and *.yml file of a directory, merged
          catalog validate -f config/""";
      case "plan" ->
          """
          # Show what apply would change
          catalog plan -f catalog.yaml

          # Save the plan for review, then apply exactly that plan
          catalog plan --out plan.json
          catalog apply plan.json

          # In CI: exit 2 when there are changes, 0 when there are none
          catalog plan --detailed-exitcode

          # Save a destroy for review (as destroy would plan it), then carry out exactly that
          catalog plan --destroy --out destroy.json
          catalog apply destroy.json

          # A pull-request comment, and a plan limited to one instance and its dependencies
          catalog plan --format markdown --max-bytes 60000
          catalog plan --target instance.orders-db

          # Plan without reading the brokers (state and configuration only)
          catalog plan --refresh false""";
      case "apply" ->
          """
          # Plan, ask for approval, apply
          catalog apply -f catalog.yaml

          # Apply a saved plan without asking (refused when the state moved on)
          catalog apply plan.json --auto-approve

          # Four broker operations in flight; one JSON event per line for a pipeline
          catalog apply --auto-approve --parallelism 4 --format json""";
      case "show" ->
          """
          # A saved plan again, as text or as a pull-request comment (no broker, state or network)
          catalog show plan.json
          catalog show plan.json --format markdown""";
      case "drift" ->
          """
          # Exit 2 when a resource changed at its broker (for a cron job)
          catalog drift -f catalog.yaml

          # The drift report as Markdown, for an issue
          catalog drift --format markdown

          # Only one instance (and what it depends on)
          catalog drift --target instance.orders-db""";
      case "destroy" ->
          """
          # Delete every instance and binding catalog manages, after approval
          catalog destroy -f catalog.yaml

          # Without asking, two deletes at a time
          catalog destroy --auto-approve --parallelism 2""";
      case "refresh" ->
          """
          # Resolve operations an interrupted apply left in flight
          catalog refresh -f catalog.yaml""";
      case "status" ->
          """
          # Every managed instance and binding, from state (no broker is contacted)
          catalog status -f catalog.yaml

          # A state elsewhere (read without taking its lock)
          catalog status --state prod/catalog.state.json""";
      case "import" ->
          """
          # Adopt an instance created elsewhere by its OSB instance id
          catalog import instance.orders-db 3f2a7c9e-5b1d-4c8e-9f00-1a2b3c4d5e6f""";
      case "marketplace" ->
          """
          # Every broker's services and plans
          catalog marketplace -f catalog.yaml

          # One plan's parameter schema, as JSON
          catalog marketplace --broker data --plan db/small --format json

          # A static, searchable page of every service and plan
          catalog marketplace --format html --out site""";
      case "lock" ->
          """
          # Record the brokers' catalogs beside catalog.yaml, then commit catalog.lock.json
          catalog lock -f catalog.yaml

          # In CI: fail when a broker's catalog changed since the lock
          catalog plan --lockfile readonly""";
      case "credentials" ->
          """
          # The keys of a binding's credentials (values hidden)
          catalog credentials binding.orders-db-app

          # The values too
          catalog credentials binding.orders-db-app --show-secrets

          # For a program: JSON, or KEY=value lines a shell can source
          catalog credentials binding.orders-db-app --format json --show-secrets
          catalog credentials binding.orders-db-app --format env --show-secrets > orders-db.env""";
      case "graph" ->
          """
          # The order apply would follow, as an SVG picture
          catalog graph -f catalog.yaml | dot -Tsvg > graph.svg

          # Only what applying one binding involves, without reading the brokers
          catalog graph --target binding.orders-db-app --refresh false""";
      case "state" ->
          """
          # What the state records, and one resource in detail
          catalog state list
          catalog state show instance.orders-db""";
      case "state list" ->
          """
# Every recorded address, from a state kept in a Git branch
catalog state list --backend git --backend-config url=https://git.example.com/ops/state.git""";
      case "state show" ->
          """
          # One resource's record (OSB ids, parameters as sent, operation in flight)
          catalog state show instance.orders-db""";
      case "state rm" ->
          """
          # Forget a binding (the broker is not contacted)
          catalog state rm binding.orders-db-app""";
      case "state mv" ->
          """
          # Rename an instance after renaming it in the configuration
          catalog state mv instance.orders-db instance.shop-db""";
      case "state pull" ->
          """
          # Back the state up to a file
          catalog state pull > backup.catalog.state.json""";
      case "state push" ->
          """
          # Restore a state saved by a failed write
          catalog state push errored.catalog.state.json""";
      case "force-unlock" ->
          """
          # Release the lock a killed run left (the id is in the lock error)
          catalog force-unlock 9b1f6c1e-2d3a-4b5c-8d7e-0f1a2b3c4d5e""";
      case "init" ->
          """
          # A commented starter catalog.yaml with the local state backend
          catalog init

          # The same with state in a Kubernetes ConfigMap
          catalog init --backend configmap""";
      case "version" ->
          """
          # The version, and the Java runtime that runs catalog
          catalog version""";
      case "completion" ->
          """
          # Completion in the current bash or zsh session
          source <(catalog completion bash)
          source <(catalog completion zsh)""";
      default -> "";
    };
  }
}
