package dev.catalog.apply;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.catalog.osb.BindRequest;
import dev.catalog.osb.BindingDetails;
import dev.catalog.osb.BrokerOperations;
import dev.catalog.osb.InstanceResponse;
import dev.catalog.osb.LastOperationQuery;
import dev.catalog.osb.LastOperationResponse;
import dev.catalog.osb.NoContent;
import dev.catalog.osb.OfferingIds;
import dev.catalog.osb.OsbAnswers;
import dev.catalog.osb.OsbOperation;
import dev.catalog.osb.OsbResult;
import dev.catalog.osb.PolledState;
import dev.catalog.osb.ProvisionRequest;
import dev.catalog.osb.UpdateRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A broker that lives in memory, for the apply engine's unit tests (issue 12): it holds instances
 * and bindings by id, answers each operation as the test scripted it, and logs every request in the
 * order it came, one line each ({@code provision i-1}, {@code last_operation i-1}, ...). Operations
 * answer synchronously unless scripted otherwise.
 */
final class InMemoryBroker implements BrokerOperations {
  /** The password every binding's credentials carry: tests check it reaches only the sink. */
  static final String PASSWORD = "in-memory-password-never-shown";

  /** How the broker answers an operation. */
  enum Answer {
    /** 200/201: done at once. */
    SYNC,
    /** 202, and last_operation then says succeeded. */
    ASYNC_SUCCEEDS,
    /** 202, and last_operation then says failed. */
    ASYNC_FAILS,
    /** 202, and last_operation says in progress for ever. */
    ASYNC_RUNS,
    /** 500 with a description. */
    SERVER_ERROR
  }

  private final Map<OsbOperation, Answer> answers = new EnumMap<>(OsbOperation.class);
  private final Set<String> instances = new HashSet<>();
  private final Set<String> bindings = new HashSet<>();
  private final Map<String, PolledState> operations = new HashMap<>();
  private final List<String> requests = new ArrayList<>();

  /** Answers {@code operation} with {@code answer} from now on. */
  synchronized InMemoryBroker answer(OsbOperation operation, Answer answer) {
    answers.put(operation, answer);
    return this;
  }

  /** An instance the broker holds (provisioned earlier). */
  synchronized InMemoryBroker holdsInstance(String instanceId) {
    instances.add(instanceId);
    return this;
  }

  /** A binding the broker holds (bound earlier). */
  synchronized InMemoryBroker holdsBinding(String instanceId, String bindingId) {
    bindings.add(key(instanceId, bindingId));
    return this;
  }

  /** An instance the broker does not hold (never got, or lost). */
  synchronized InMemoryBroker forgetsInstance(String instanceId) {
    instances.remove(instanceId);
    return this;
  }

  /** A binding the broker does not hold (never got, or lost). */
  synchronized InMemoryBroker forgetsBinding(String instanceId, String bindingId) {
    bindings.remove(key(instanceId, bindingId));
    return this;
  }

  /** An operation the broker runs (or ran) on the instance or binding: what last_operation says. */
  synchronized InMemoryBroker operation(String instanceOrBindingId, PolledState state) {
    operations.put(instanceOrBindingId, state);
    return this;
  }

  synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the requests logged so far (those that set a test's scene up). */
  synchronized void clearRequests() {
    requests.clear();
  }

  synchronized boolean holdsInstanceId(String instanceId) {
    return instances.contains(instanceId);
  }

  synchronized boolean holdsBindingId(String instanceId, String bindingId) {
    return bindings.contains(key(instanceId, bindingId));
  }

  @Override
  public synchronized OsbResult<InstanceResponse> provision(
      String instanceId, ProvisionRequest request) {
    var answer = begin(OsbOperation.PROVISION, "provision " + instanceId, instanceId);
    if (answer != Answer.ASYNC_FAILS) {
      instances.add(instanceId);
    }
    return answer == Answer.SYNC
        ? new OsbResult.Completed<>(201, new InstanceResponse(Optional.empty(), Optional.empty()))
        : accepted(instanceId, answer);
  }

  @Override
  public synchronized OsbResult<InstanceResponse> update(String instanceId, UpdateRequest request) {
    var answer = begin(OsbOperation.UPDATE, "update " + instanceId, instanceId);
    return answer == Answer.SYNC
        ? new OsbResult.Completed<>(200, new InstanceResponse(Optional.empty(), Optional.empty()))
        : accepted(instanceId, answer);
  }

  @Override
  public synchronized OsbResult<NoContent> deprovision(String instanceId, OfferingIds offering) {
    var answer = begin(OsbOperation.DEPROVISION, "deprovision " + instanceId, instanceId);
    if (!instances.contains(instanceId)) {
      return new OsbResult.Gone<>();
    }
    if (answer != Answer.ASYNC_FAILS) {
      instances.remove(instanceId);
    }
    return answer == Answer.SYNC
        ? new OsbResult.Completed<>(200, NoContent.INSTANCE)
        : accepted(instanceId, answer);
  }

  @Override
  public synchronized OsbResult<LastOperationResponse> lastInstanceOperation(
      String instanceId, LastOperationQuery query) {
    requests.add("last_operation " + instanceId);
    return lastOperation(instanceId, instances.contains(instanceId));
  }

  @Override
  public synchronized OsbResult<BindingDetails> bind(
      String instanceId, String bindingId, BindRequest request) {
    var answer = begin(OsbOperation.BIND, "bind " + bindingId, bindingId);
    if (answer != Answer.ASYNC_FAILS) {
      bindings.add(key(instanceId, bindingId));
    }
    return answer == Answer.SYNC
        ? new OsbResult.Completed<>(201, details())
        : accepted(bindingId, answer);
  }

  @Override
  public synchronized OsbResult<NoContent> unbind(
      String instanceId, String bindingId, OfferingIds offering) {
    var answer = begin(OsbOperation.UNBIND, "unbind " + bindingId, bindingId);
    if (!bindings.contains(key(instanceId, bindingId))) {
      return new OsbResult.Gone<>();
    }
    if (answer != Answer.ASYNC_FAILS) {
      bindings.remove(key(instanceId, bindingId));
    }
    return answer == Answer.SYNC
        ? new OsbResult.Completed<>(200, NoContent.INSTANCE)
        : accepted(bindingId, answer);
  }

  @Override
  public synchronized OsbResult<LastOperationResponse> lastBindingOperation(
      String instanceId, String bindingId, LastOperationQuery query) {
    requests.add("last_operation " + bindingId);
    return lastOperation(bindingId, bindings.contains(key(instanceId, bindingId)));
  }

  @Override
  public synchronized Optional<BindingDetails> fetchBinding(
      String instanceId, String bindingId, Optional<OfferingIds> hints) {
    requests.add("fetch " + bindingId);
    return bindings.contains(key(instanceId, bindingId))
        ? Optional.of(details())
        : Optional.empty();
  }

  /** Logs the request and returns its scripted answer; a 500 is thrown here. */
  private Answer begin(OsbOperation operation, String request, String id) {
    requests.add(request);
    var answer = answers.getOrDefault(operation, Answer.SYNC);
    if (answer == Answer.SERVER_ERROR) {
      throw OsbAnswers.serverError(operation, id, "the broker is on fire");
    }
    return answer;
  }

  private <T> OsbResult<T> accepted(String id, Answer answer) {
    var state =
        switch (answer) {
          case ASYNC_SUCCEEDS -> PolledState.SUCCEEDED;
          case ASYNC_FAILS -> PolledState.FAILED;
          default -> PolledState.IN_PROGRESS;
        };
    operations.put(id, state);
    return new OsbResult.Accepted<>(Optional.of("op-" + id), Optional.empty());
  }

  /** What last_operation answers: the operation it knows, else 410 for what it does not hold. */
  private OsbResult<LastOperationResponse> lastOperation(String id, boolean held) {
    var state = operations.get(id);
    if (state == null) {
      if (!held) {
        return new OsbResult.Gone<>();
      }
      state = PolledState.SUCCEEDED;
    }
    var description =
        state == PolledState.FAILED ? Optional.of("out of capacity") : Optional.<String>empty();
    return new OsbResult.Completed<>(
        200,
        new LastOperationResponse(
            state, description, Optional.empty(), Optional.empty(), Optional.empty()));
  }

  private static BindingDetails details() {
    var values =
        JsonNodeFactory.instance.objectNode().put("username", "app").put("password", PASSWORD);
    return new BindingDetails(
        OsbAnswers.credentials(values),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static String key(String instanceId, String bindingId) {
    return instanceId + "/" + bindingId;
  }
}
