package io.scheduler.benchmarks.engine;

import io.scheduler.benchmarks.harness.Baseline;
import io.scheduler.benchmarks.harness.BenchmarkRunner;
import io.scheduler.benchmarks.harness.ChildJvm;
import java.io.IOException;
import java.util.List;

/**
 * Runs the engine workloads against in-process schedulers side by side and prints the medians as
 * markdown tables.
 *
 * <pre>
 * java -cp scheduler-benchmarks/target/benchmarks.jar io.scheduler.benchmarks.engine.EngineBenchmarks \
 *     [--runs 3] [--workloads W1,W1-cold,W1M,W1M-cold,W2,W2-cold,W3] [--contenders jdk,spring]
 * </pre>
 *
 * <p>Every (run, workload, contender) runs in a fresh child JVM ({@link EngineChild}), interleaved:
 * for each run, for each workload, for each contender. Warm workloads' children get {@link #FLAGS},
 * cold ones' ({@code -cold}) {@link #COLD_FLAGS}. A child that fails or outlives its workload's
 * timeout is reported and the runner moves on; the exit status is then 1.
 */
public final class EngineBenchmarks {

  /**
   * The JVM flags of every child: a fixed 4 GB heap (no resizing during the measured loops, room
   * for a million jobs), G1, and the heap touched at start-up so page faults stay out of the loops.
   */
  static final List<String> FLAGS =
      List.of("-Xms4g", "-Xmx4g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch");

  /**
   * The JVM flags of the cold workloads' children: the heap as users meet it, sized by the JVM
   * (initially 1/64 of the machine's memory, growing to at most 1/4 of it) and touched as it grows,
   * so the allocations of the add path cost the collections they cause. G1 is stated only so that a
   * small machine, where the JVM would pick the serial collector, measures the same collector.
   */
  static final List<String> COLD_FLAGS = List.of("-XX:+UseG1GC");

  private EngineBenchmarks() {}

  /**
   * Runs the benchmarks.
   *
   * @param args {@code --runs}, {@code --workloads} and {@code --contenders}, each optional
   * @throws IOException if a child JVM cannot be started or its output read
   * @throws InterruptedException if interrupted while waiting for a child
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    int status =
        BenchmarkRunner.run(
            EngineBenchmarks.class.getSimpleName(),
            args,
            Workload.ALL,
            List.of(Contenders.values()),
            new Baseline<>("jdk", List.of(Contenders.JDK)),
            FLAGS,
            "cold workloads' child JVM flags " + String.join(" ", COLD_FLAGS),
            (workload, contender) ->
                ChildJvm.run(
                    "engine-" + workload.name() + "-" + contender.id(),
                    workload.start().flags(),
                    EngineChild.class,
                    List.of(workload.name(), contender.id()),
                    workload.timeout()));
    if (status != 0) {
      System.exit(status);
    }
  }
}
