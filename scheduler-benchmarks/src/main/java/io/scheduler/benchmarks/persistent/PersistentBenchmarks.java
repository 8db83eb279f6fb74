package io.scheduler.benchmarks.persistent;

import io.scheduler.benchmarks.harness.Baseline;
import io.scheduler.benchmarks.harness.BenchmarkRunner;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the persistent workloads against our JDBC store, db-scheduler (both polling strategies) and
 * Quartz's clustered JDBC store on PostgreSQL, side by side, and prints the medians as markdown
 * tables.
 *
 * <pre>
 * SCHEDULER_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres \
 *   java -cp scheduler-benchmarks/target/benchmarks.jar io.scheduler.benchmarks.persistent.PersistentBenchmarks \
 *     [--runs 3] [--workloads P1,P2,P3,P4,P5] [--contenders scheduler,db-scheduler-fetch]
 * </pre>
 *
 * <p>Every (run, workload, contender) gets an empty schema and fresh child JVMs with the same
 * flags, interleaved: for each run, for each workload, for each contender. A measurement that
 * fails, times out, or runs a job twice or never is reported and the runner moves on; the exit
 * status is then 1. The schemas are dropped after every measurement and again on exit.
 */
public final class PersistentBenchmarks {

  private PersistentBenchmarks() {}

  /**
   * Runs the benchmarks.
   *
   * @param args {@code --runs}, {@code --workloads} and {@code --contenders}, each optional
   * @throws IOException if a child JVM cannot be started or its output read
   * @throws InterruptedException if interrupted while waiting for a child
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    String setting;
    try {
      setting = Database.describe();
    } catch (SQLException e) {
      System.err.println(
          "cannot reach PostgreSQL at "
              + Database.url()
              + " (set "
              + Database.URL_VARIABLE
              + "): "
              + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(PersistentBenchmarks::dropSchemas));
    int status =
        BenchmarkRunner.run(
            PersistentBenchmarks.class.getSimpleName(),
            args,
            List.of(Workload.values()),
            List.of(Contenders.values()),
            new Baseline<>(
                "best db-scheduler",
                List.of(Contenders.DB_SCHEDULER_LOCK_AND_FETCH, Contenders.DB_SCHEDULER_FETCH)),
            Children.FLAGS,
            setting,
            Workload::trial);
    System.exit(status);
  }

  /** Drops every contender's schema; on exit, including an interrupted run. */
  private static void dropSchemas() {
    Database.closeAndDrop(Arrays.stream(Contenders.values()).map(Contenders::schema).toList());
  }
}
