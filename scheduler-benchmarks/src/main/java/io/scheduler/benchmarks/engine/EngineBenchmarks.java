package io.scheduler.benchmarks.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs the engine workloads against in-process schedulers side by side and prints the medians as
 * markdown tables.
 *
 * <pre>
 * java -cp scheduler-benchmarks/target/benchmarks.jar io.scheduler.benchmarks.engine.EngineBenchmarks \
 *     [--runs 3] [--workloads W1,W2,W3] [--contenders jdk,spring,quartz]
 * </pre>
 *
 * <p>Every (run, workload, contender) runs in a fresh child JVM with the same flags, interleaved:
 * for each run, for each workload, for each contender. A child that fails or outlives its
 * workload's timeout is reported and the runner moves on; the exit status is then 1.
 */
public final class EngineBenchmarks {

  private EngineBenchmarks() {}

  /**
   * Runs the benchmarks.
   *
   * @param args {@code --runs}, {@code --workloads} and {@code --contenders}, each optional
   * @throws IOException if a child JVM cannot be started or its output read
   * @throws InterruptedException if interrupted while waiting for a child
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    String environment =
        String.format(
            Locale.ROOT,
            "Java %s (%s), %d cores, child JVM flags %s, %d run(s), workloads %s, contenders %s",
            System.getProperty("java.vm.version"),
            System.getProperty("java.vm.name"),
            Runtime.getRuntime().availableProcessors(),
            String.join(" ", ChildJvm.FLAGS),
            options.runs(),
            options.workloads(),
            options.contenders().stream().map(Contenders::id).collect(Collectors.joining(",")));
    System.out.println(environment);

    Results results = new Results(options);
    int total = options.runs() * options.workloads().size() * options.contenders().size();
    int done = 0;
    long start = System.nanoTime();
    for (int run = 1; run <= options.runs(); run++) {
      for (Workload workload : options.workloads()) {
        for (Contenders contender : options.contenders()) {
          Outcome outcome = ChildJvm.run(workload, contender);
          results.add(run, workload, contender, outcome);
          System.out.printf(
              "[%d/%d] run %d %s %s: %s%n",
              ++done, total, run, workload, contender.id(), progress(workload, outcome));
        }
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    System.out.println();
    System.out.println(environment);
    System.out.println();
    System.out.print(results.markdown());
    System.out.printf("Total time %d min %02d s%n", elapsed.toMinutes(), elapsed.toSecondsPart());
    if (results.hasFailures()) {
      System.exit(1);
    }
  }

  private static String progress(Workload workload, Outcome outcome) {
    String seconds = String.format(Locale.ROOT, "%.1f s", outcome.elapsed().toMillis() / 1e3);
    Measurement measurement = outcome.measurement();
    if (measurement == null) {
      return "FAILED after " + seconds + ": " + outcome.failure();
    }
    StringBuilder progress = new StringBuilder("ok in ").append(seconds);
    for (Metric metric : workload.metrics()) {
      Double value = measurement.get(metric);
      progress.append(", ").append(metric.header()).append(' ');
      progress.append(value == null ? "missing" : metric.format(value));
    }
    return progress.toString();
  }
}
