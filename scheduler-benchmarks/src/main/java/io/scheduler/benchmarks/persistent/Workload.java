package io.scheduler.benchmarks.persistent;

import io.scheduler.benchmarks.harness.Measurement;
import io.scheduler.benchmarks.harness.Metric;
import io.scheduler.benchmarks.harness.Outcome;
import io.scheduler.benchmarks.harness.WorkloadInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The persistent workloads, by the name used on the command line. Every measurement starts from an
 * empty schema for the contender, a prepare child that creates its tables, then the workload's
 * nodes, each in its own JVM; the schema is dropped afterwards.
 */
enum Workload implements WorkloadInfo {
  P1(
      "single-node schedule-and-run, cold JVM: 20,000 one-shot jobs added due now in batches of"
          + " 1,000 and run",
      BurstWorkload.METRICS),
  P2(
      "2-node cluster, cold JVMs: 20,000 pre-inserted due jobs (batches of 1,000), two processes",
      ClusterWorkload.METRICS),
  P3(
      "cross-node lateness: 200 jobs added on node A, due 1 s later, run on node B (after 100"
          + " warm-up jobs)",
      CrossNodeWorkload.METRICS),
  P4(
      "single-node lateness: 2,000 one-shot jobs at random instants over 20 s (after 200 warm-up"
          + " jobs)",
      LatenessWorkload.METRICS),
  P5(
      "single adds, cold JVM: 20,000 one-shot jobs added due now one at a time (single-job API)"
          + " and run",
      BurstWorkload.METRICS);

  private static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration SINGLE_NODE_TIMEOUT =
      BurstWorkload.RUN_TIMEOUT.plus(Duration.ofMinutes(1));
  private static final Metric PREPARED = new Metric("prepared", "prepared", 0, false);

  private final String title;
  private final List<Metric> metrics;

  Workload(String title, List<Metric> metrics) {
    this.title = title;
    this.metrics = metrics;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public List<Metric> metrics() {
    return metrics;
  }

  /**
   * The parent's part: a fresh schema, the prepare child, the workload's nodes (all with the {@link
   * Analyzer} keeping statistics current), the schema dropped. A run with duplicate or lost jobs
   * keeps its numbers and is reported as a failure.
   */
  Outcome trial(Contenders contender) throws IOException, InterruptedException {
    long started = System.nanoTime();
    try {
      Database.resetSchema(contender.schema());
      Outcome prepared;
      Outcome outcome;
      Analyzer analyzer = Analyzer.start(contender.schema());
      try {
        prepared = Children.run(this, contender, Role.PREPARE, PREPARE_TIMEOUT);
        if (!prepared.ok()) {
          return Outcome.failed("preparing: " + prepared.failure(), since(started));
        }
        analyzer.analyzeNow();
        outcome =
            switch (this) {
              case P1, P4, P5 -> Children.run(this, contender, Role.NODE, SINGLE_NODE_TIMEOUT);
              case P2 -> ClusterWorkload.run(contender);
              case P3 -> CrossNodeWorkload.run(contender);
            };
      } finally {
        analyzer.stop();
      }
      // The prepare child's figures (P2's pre-insert rate) join the nodes'.
      Measurement measurement = outcome.measurement();
      Double preInsertRate =
          Objects.requireNonNull(prepared.measurement()).get(ClusterWorkload.PRE_INSERT_RATE);
      if (measurement != null && preInsertRate != null) {
        measurement.put(ClusterWorkload.PRE_INSERT_RATE, preInsertRate);
      }
      return checked(new Outcome(measurement, outcome.failure(), since(started)));
    } catch (SQLException e) {
      return Outcome.failed("database: " + e, since(started));
    } finally {
      try {
        Database.dropSchema(contender.schema());
      } catch (SQLException e) {
        System.err.println("could not drop schema " + contender.schema() + ": " + e);
      }
    }
  }

  /** A child's part. */
  Measurement child(Role role, Contenders contender, DataSource dataSource, List<String> extra)
      throws Exception {
    return switch (role) {
      case PREPARE -> {
        contender.createTables(dataSource);
        Measurement prepared = new Measurement().put(PREPARED, 1);
        if (this == P2) {
          prepared.put(
              ClusterWorkload.PRE_INSERT_RATE, ClusterWorkload.insertJobs(contender, dataSource));
        }
        yield prepared;
      }
      case NODE ->
          switch (this) {
            case P1 -> BurstWorkload.node(contender, dataSource, BurstWorkload.Adds.BATCHES);
            case P5 -> BurstWorkload.node(contender, dataSource, BurstWorkload.Adds.SINGLE);
            case P2 -> ClusterWorkload.node(contender, dataSource, Path.of(extra.get(0)));
            case P4 -> LatenessWorkload.node(contender, dataSource);
            case P3 -> throw new IllegalArgumentException("P3 has an ADDER and a RUNNER");
          };
      case ADDER -> CrossNodeWorkload.adder(contender, dataSource);
      case RUNNER -> CrossNodeWorkload.runner(contender, dataSource);
    };
  }

  /** Turns duplicate or lost runs into a failure, keeping the numbers. */
  private static Outcome checked(Outcome outcome) {
    Measurement measurement = outcome.measurement();
    if (measurement == null || !outcome.ok()) {
      return outcome;
    }
    Double duplicates = measurement.get(Jobs.DUPLICATES);
    Double lost = measurement.get(Jobs.LOST);
    if ((duplicates == null || duplicates == 0) && (lost == null || lost == 0)) {
      return outcome;
    }
    return new Outcome(
        measurement,
        String.format(
            Locale.ROOT,
            "%.0f duplicate runs, %.0f lost jobs",
            duplicates == null ? 0 : duplicates,
            lost == null ? 0 : lost),
        outcome.elapsed());
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
