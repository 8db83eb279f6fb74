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
 *     [--runs 3] [--workloads W1,W2,W3] [--contenders jdk,spring,quartz]
 * </pre>
 *
 * <p>Every (run, workload, contender) runs in a fresh child JVM ({@link EngineChild}) with the same
 * flags, interleaved: for each run, for each workload, for each contender. A child that fails or
 * outlives its workload's timeout is reported and the runner moves on; the exit status is then 1.
 */
public final class EngineBenchmarks {

  /**
   * The JVM flags of every child: a fixed 4 GB heap (no resizing during the measured loops, room
   * for a million jobs), G1, and the heap touched at start-up so page faults stay out of the loops.
   */
  static final List<String> FLAGS =
      List.of("-Xms4g", "-Xmx4g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch");

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
            List.of(Workload.values()),
            List.of(Contenders.values()),
            new Baseline<>("jdk", List.of(Contenders.JDK)),
            FLAGS,
            "",
            (workload, contender) ->
                ChildJvm.run(
                    "engine-" + workload + "-" + contender.id(),
                    FLAGS,
                    EngineChild.class,
                    List.of(workload.name(), contender.id()),
                    workload.timeout()));
    if (status != 0) {
      System.exit(status);
    }
  }
}
