package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.catalog.CatalogException;
import dev.catalog.state.Address;
import dev.catalog.state.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan saved with {@code catalog plan --out FILE}: what it was made against (state lineage and
 * serial, backend identity, a hash of the desired state and catalogs, tool version, the
 * configuration's Git commit) and the plan document that was reviewed. {@code catalog apply FILE}
 * calls {@link #check} and {@link #checkDesired} before doing anything.
 *
 * @param lineage the state's lineage when planned
 * @param serial the state's serial when planned
 * @param backend the backend identity ({@code StateBackend.identity()})
 * @param desiredHash {@link DesiredHash} of the plan
 * @param toolVersion the catalog version that planned
 * @param gitCommit the configuration's Git commit, when it is in a Git work tree
 * @param targets the {@code --target} addresses it was made with; apply plans with the same
 * @param refresh whether it was made reading live state; apply plans the same way
 * @param destroy whether it is a destroy plan ({@code plan --destroy}): apply plans against a
 *     configuration that declares no instance and no binding, as {@code destroy} does
 * @param plan the plan document as {@code --format json} writes it (no secrets)
 * @param replace the {@code --replace} addresses it was made with; apply plans with the same
 */
public record SavedPlan(
    String lineage,
    long serial,
    String backend,
    String desiredHash,
    String toolVersion,
    Optional<String> gitCommit,
    List<Address> targets,
    boolean refresh,
    boolean destroy,
    JsonNode plan,
    List<Address> replace) {
  /**
   * The saved-plan file format version. 2 records the options a plan was made with, which apply
   * plans with again before comparing the changes with the saved ones (issue 15).
   */
  public static final String FORMAT_VERSION = "2";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public SavedPlan {
    Objects.requireNonNull(lineage, "lineage");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(desiredHash, "desiredHash");
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(gitCommit, "gitCommit");
    targets = List.copyOf(targets);
    plan = Objects.requireNonNull(plan, "plan").deepCopy();
    replace = List.copyOf(replace);
  }

  /** A saved plan made without {@code --replace}. */
  public SavedPlan(
      String lineage,
      long serial,
      String backend,
      String desiredHash,
      String toolVersion,
      Optional<String> gitCommit,
      List<Address> targets,
      boolean refresh,
      boolean destroy,
      JsonNode plan) {
    this(
        lineage,
        serial,
        backend,
        desiredHash,
        toolVersion,
        gitCommit,
        targets,
        refresh,
        destroy,
        plan,
        List.of());
  }

  /** This plan, made with {@code --replace} of {@code addresses}. */
  public SavedPlan withReplace(List<Address> addresses) {
    return new SavedPlan(
        lineage,
        serial,
        backend,
        desiredHash,
        toolVersion,
        gitCommit,
        targets,
        refresh,
        destroy,
        plan,
        addresses);
  }

  @Override
  public JsonNode plan() {
    return plan.deepCopy();
  }

  /**
   * Refuses to apply this plan against {@code current} at {@code backendIdentity} when it was made
   * against another backend, another state (lineage) or an older serial.
   *
   * @throws StalePlanException saying what to do
   */
  public void check(State current, String backendIdentity) {
    if (!backend.equals(backendIdentity)) {
      throw new StalePlanException(
          "this plan was made against the state at "
              + backend
              + ", but this run uses "
              + backendIdentity
              + "; apply it with the same backend"
              + " options, or run \"catalog plan\" again");
    }
    if (!lineage.equals(current.lineage())) {
      throw new StalePlanException(
          "this plan was made against state lineage "
              + lineage
              + ", but the state at "
              + backendIdentity
              + " has lineage "
              + current.lineage()
              + ": it is another state; run \"catalog plan\" again");
    }
    if (serial != current.serial()) {
      throw new StalePlanException(
          "state was changed by another run since this plan was made"
              + " (plan serial "
              + serial
              + ", state serial "
              + current.serial()
              + "); run \"catalog plan\" again");
    }
  }

  /**
   * Refuses the plan when the desired state or a catalog changed since it was made.
   *
   * @param currentHash {@link DesiredHash} of a plan made now
   */
  public void checkDesired(String currentHash) {
    if (!desiredHash.equals(currentHash)) {
      throw new StalePlanException(
          "the configuration, a secret it references or a broker's"
              + " catalog changed since this plan was made; run \"catalog plan\" again");
    }
  }

  /** The options to plan with again at apply time: those this plan was made with. */
  public PlanOptions options(int parallelism) {
    return new PlanOptions(refresh, parallelism, targets, replace);
  }

  /**
   * Refuses the plan unless {@code now}, the plan document of a plan made now with {@link
   * #options}, has the same changes as the saved one: apply does exactly what was reviewed.
   *
   * @throws StalePlanException listing each difference on its own line
   */
  public void checkChanges(JsonNode now) {
    var differences = PlanDifferences.between(plan, now);
    if (!differences.isEmpty()) {
      throw new StalePlanException(
          "the changes apply would make now differ from the saved plan; refusing to apply"
              + " changes that were not reviewed:\n  "
              + String.join("\n  ", differences)
              + "\nrun \"catalog plan\" again and review the new plan");
    }
  }

  /** The file content. */
  public byte[] toBytes() {
    var doc = JsonNodeFactory.instance.objectNode();
    doc.put("saved_plan_version", FORMAT_VERSION);
    doc.put("lineage", lineage);
    doc.put("serial", serial);
    doc.put("backend", backend);
    doc.put("desired_hash", desiredHash);
    doc.put("tool_version", toolVersion);
    gitCommit.ifPresent(c -> doc.put("git_commit", c));
    var options = doc.putObject("options");
    var targetList = options.putArray("targets");
    targets.forEach(t -> targetList.add(t.toString()));
    options.put("refresh", refresh);
    options.put("destroy", destroy);
    var replaceList = options.putArray("replace");
    replace.forEach(r -> replaceList.add(r.toString()));
    doc.set("plan", plan);
    try {
      return (JSON.writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  /** Reads a saved plan; {@code name} is the file as the user gave it, for messages. */
  public static SavedPlan parse(byte[] content, String name) {
    JsonNode doc;
    try {
      doc = JSON.readTree(content);
    } catch (IOException e) {
      throw new CatalogException(name + ": not a saved plan: it is not JSON");
    }
    if (doc == null || !doc.isObject() || !doc.has("saved_plan_version")) {
      throw new CatalogException(name + ": not a saved plan (made with \"catalog plan --out\")");
    }
    var version = doc.get("saved_plan_version").asText();
    if (!FORMAT_VERSION.equals(version)) {
      throw new CatalogException(
          name
              + ": saved plan format "
              + version
              + " is not supported by"
              + " this version of catalog (it reads "
              + FORMAT_VERSION
              + "); run \"catalog plan\" again");
    }
    for (var field :
        new String[] {
          "lineage", "serial", "backend", "desired_hash", "tool_version", "options", "plan"
        }) {
      if (!doc.has(field)) {
        throw new CatalogException(name + ": saved plan is missing \"" + field + "\"");
      }
    }
    return new SavedPlan(
        doc.get("lineage").asText(),
        doc.get("serial").asLong(),
        doc.get("backend").asText(),
        doc.get("desired_hash").asText(),
        doc.get("tool_version").asText(),
        Optional.ofNullable(doc.get("git_commit")).map(JsonNode::asText),
        targets(doc.get("options").path("targets"), name),
        doc.get("options").path("refresh").asBoolean(true),
        doc.get("options").path("destroy").asBoolean(false),
        doc.get("plan"),
        addresses(doc.get("options").path("replace"), name, "replacement"));
  }

  private static List<Address> targets(JsonNode targets, String name) {
    return addresses(targets, name, "target");
  }

  private static List<Address> addresses(JsonNode targets, String name, String what) {
    var list = new ArrayList<Address>();
    for (var t : targets) {
      try {
        list.add(Address.parse(t.asText()));
      } catch (RuntimeException e) {
        throw new CatalogException(
            name + ": saved plan has a bad " + what + " \"" + t.asText() + "\"");
      }
    }
    return list;
  }
}
