package io.scheduler.benchmarks.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The parent's loop, shared by the harnesses: parses the command line, runs every (run, workload,
 * contender) interleaved (for each run, for each workload, for each contender), prints a progress
 * line per measurement, then the environment, the tables and the total time.
 */
public final class BenchmarkRunner {

  /** Exit status for a bad command line. */
  public static final int USAGE_ERROR = 2;

  private BenchmarkRunner() {}

  /**
   * One measurement of a workload against a contender.
   *
   * @param <W> the workload type
   * @param <C> the contender type
   */
  @FunctionalInterface
  public interface Trial<W, C> {

    /**
     * Runs the workload against the contender, in fresh child JVMs.
     *
     * @param workload the workload
     * @param contender the contender
     * @return the numbers, or why there are none
     * @throws IOException if a child cannot be started or its output read
     * @throws InterruptedException if interrupted while waiting for a child
     */
    Outcome run(W workload, C contender) throws IOException, InterruptedException;
  }

  /**
   * Parses the command line, runs every measurement and prints the results.
   *
   * @param program the main class's simple name, for the usage line
   * @param args the command line
   * @param allWorkloads every workload, in default order
   * @param allContenders every contender, in default order
   * @param baseline what the ratio columns divide by
   * @param childFlags the JVM flags of the measured children, for the environment line
   * @param setting more of the environment (such as the database), or an empty string
   * @param trial runs one measurement
   * @param <W> the workload type
   * @param <C> the contender type
   * @return the exit status: 0, 1 when a run failed, {@value #USAGE_ERROR} for a bad command line
   * @throws IOException if a child cannot be started or its output read
   * @throws InterruptedException if interrupted while waiting for a child
   */
  public static <W extends WorkloadInfo, C extends ContenderInfo> int run(
      String program,
      String[] args,
      List<W> allWorkloads,
      List<C> allContenders,
      Baseline<C> baseline,
      List<String> childFlags,
      String setting,
      Trial<W, C> trial)
      throws IOException, InterruptedException {
    Options<W, C> options;
    try {
      options = Options.parse(args, allWorkloads, allContenders);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.usage(program, allWorkloads, allContenders));
      return USAGE_ERROR;
    }
    String environment =
        String.format(
            Locale.ROOT,
            "Java %s (%s), %d cores, child JVM flags %s, %d run(s), workloads %s, contenders %s%s",
            System.getProperty("java.vm.version"),
            System.getProperty("java.vm.name"),
            Runtime.getRuntime().availableProcessors(),
            String.join(" ", childFlags),
            options.runs(),
            options.workloads().stream().map(WorkloadInfo::name).toList(),
            options.contenders().stream().map(ContenderInfo::id).collect(Collectors.joining(",")),
            setting.isEmpty() ? "" : ", " + setting);
    System.out.println(environment);

    Results<W, C> results = new Results<>(options, baseline);
    int total = options.runs() * options.workloads().size() * options.contenders().size();
    int done = 0;
    long start = System.nanoTime();
    for (int run = 1; run <= options.runs(); run++) {
      for (W workload : options.workloads()) {
        for (C contender : options.contenders()) {
          Outcome outcome = trial.run(workload, contender);
          results.add(run, workload, contender, outcome);
          System.out.printf(
              "[%d/%d] run %d %s %s: %s%n",
              ++done,
              total,
              run,
              workload.name(),
              contender.id(),
              Results.progress(workload, outcome));
        }
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    System.out.println();
    System.out.println(environment);
    System.out.println();
    System.out.print(results.markdown());
    System.out.printf("Total time %d min %02d s%n", elapsed.toMinutes(), elapsed.toSecondsPart());
    return results.hasFailures() ? 1 : 0;
  }
}
