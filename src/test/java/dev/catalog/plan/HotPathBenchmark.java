package dev.catalog.plan;

import dev.catalog.bench.CatalogGenerator;
import dev.catalog.config.CatalogConfig;
import dev.catalog.config.ConfigLoader;
import dev.catalog.state.State;
import dev.catalog.state.StateCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH microbenchmarks of the plan's hot paths (issue 7): YAML load, state codec, the no-op diff
 * and the dependency graph, on a generated catalog. Compiled only with {@code -Pjmh}; run with
 * {@code bench/jmh.sh}. Lives in {@code dev.catalog.plan} to reach {@link GraphBuilder}.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class HotPathBenchmark {
  @Param({"1000"})
  int instances;

  private Path yaml;
  private byte[] stateBytes;
  private State state;
  private CatalogConfig config;
  private Planner planner;
  private Plan plan;

  @Setup
  public void generate() throws IOException {
    var dir = Files.createTempDirectory("catalog-jmh");
    CatalogGenerator.main(
        new String[] {dir.toString(), Integer.toString(instances), "4", "http://127.0.0.1:1"});
    yaml = dir.resolve("catalog.yaml");
    stateBytes = Files.readAllBytes(dir.resolve("catalog.state.json"));
    state = new StateCodec().decode(stateBytes, "state");
    config = new ConfigLoader(Map.of()).load(List.of(yaml));
    planner = new Planner(name -> Optional.empty(), ref -> null);
    plan = noOpPlan();
  }

  @Benchmark
  public CatalogConfig yamlLoad() {
    return new ConfigLoader(Map.of()).load(List.of(yaml));
  }

  @Benchmark
  public State stateDecode() {
    return new StateCodec().decode(stateBytes, "state");
  }

  @Benchmark
  public byte[] stateEncode() {
    return new StateCodec().encode(state);
  }

  @Benchmark
  public Plan noOpPlan() {
    return planner.plan(config, state, new PlanOptions(false, 10, List.of()));
  }

  @Benchmark
  public DependencyGraph graphBuild() {
    return GraphBuilder.of(plan.changes());
  }
}
