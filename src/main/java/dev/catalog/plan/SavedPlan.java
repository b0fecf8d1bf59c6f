package dev.catalog.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.catalog.CatalogException;
import dev.catalog.state.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * @param plan the plan document as {@code --format json} writes it (no secrets)
 */
public record SavedPlan(
    String lineage,
    long serial,
    String backend,
    String desiredHash,
    String toolVersion,
    Optional<String> gitCommit,
    JsonNode plan) {
  /** The saved-plan file format version. */
  public static final String FORMAT_VERSION = "1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public SavedPlan {
    Objects.requireNonNull(lineage, "lineage");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(desiredHash, "desiredHash");
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(gitCommit, "gitCommit");
    plan = Objects.requireNonNull(plan, "plan").deepCopy();
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
        new String[] {"lineage", "serial", "backend", "desired_hash", "tool_version", "plan"}) {
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
        doc.get("plan"));
  }
}
