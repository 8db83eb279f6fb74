package io.scheduler.benchmarks.persistent;

import io.scheduler.benchmarks.harness.ChildJvm;
import io.scheduler.benchmarks.harness.Measurement;
import io.scheduler.benchmarks.harness.Metric;
import io.scheduler.benchmarks.harness.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * P2, a two-process cluster: 20,000 one-shot jobs due now are inserted first (by a client node in
 * the prepare child), then two node JVMs start on the same tables; once both are set up the parent
 * tells them to start at once. Each node counts the runs of every job id and reports progress; once
 * the two together ran as many times as there are jobs, the parent waits {@value
 * Jobs#SETTLE_MILLIS} ms more and merges their counts; when every job ran it stops both and merges
 * their final counts, so duplicates (a job run twice, on one node or both) and lost jobs are exact.
 *
 * <p>exec/s is the jobs that ran over the time from the earlier node's start to the first run of
 * the last job. busiest node % is the share of the runs the busier node did. pre-insert add jobs/s
 * is the jobs over the prepare child's adding alone (batches of {@value Jobs#BATCH} through the
 * library's batch API, from a client, before the nodes start). The node JVMs are cold, as freshly
 * deployed nodes' would be: no warm-up.
 *
 * <p>The job count is scaled by {@link Jobs#SCALE_PROPERTY} in a smoke run.
 */
final class ClusterWorkload {

  static final int JOBS = Jobs.scaled(20_000);
  static final int NODES = 2;

  static final Metric RATE = new Metric("executionsPerSecond", "exec/s", 0, true);
  static final Metric BUSIEST = new Metric("busiestNodePercent", "busiest node %", 0, false);
  static final Metric PRE_INSERT_RATE =
      new Metric("preInsertAddPerSecond", "pre-insert add jobs/s", 0, true);
  static final List<Metric> METRICS =
      List.of(RATE, BUSIEST, PRE_INSERT_RATE, Jobs.DUPLICATES, Jobs.LOST);

  /** A node's start, wall-clock µs, on its result line. */
  private static final Metric START = new Metric("startMicros", "start", 0, false);

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
  private static final long POLL_MILLIS = 50;

  private ClusterWorkload() {}

  /**
   * The prepare child's part: inserts the jobs, due now, through a client node.
   *
   * @return the jobs per second of the adding alone
   */
  static double insertJobs(Contenders contender, DataSource dataSource) throws Exception {
    Contender client = contender.create(dataSource, false);
    client.start();
    List<DueJob> jobs = Jobs.measured(JOBS, Jobs.now());
    long start = System.nanoTime();
    Jobs.addInBatches(client, jobs);
    long added = System.nanoTime();
    client.shutdown();
    return JOBS * 1e9 / (added - start);
  }

  /**
   * One node's part: set up, wait for GO, run, write the counts to {@code file} on every SNAPSHOT,
   * and on STOP shut down and write them a last time.
   */
  static Measurement node(Contenders contender, DataSource dataSource, Path file) throws Exception {
    Recorder recorder = Recorder.install(JOBS);
    Contender node = contender.create(dataSource, true);
    Signals.ready();
    Signals.await(Signals.GO);
    long start = Recorder.micros(Instant.now());
    node.start();
    Thread progress = Signals.reportProgress(recorder);
    for (String command = Signals.next(); !command.equals(Signals.STOP); command = Signals.next()) {
      if (command.equals(Signals.SNAPSHOT)) {
        recorder.snapshot().write(file);
        Signals.print(Signals.SNAPSHOT_WRITTEN);
      }
    }
    node.shutdown();
    progress.interrupt();
    recorder.snapshot().write(file);
    return new Measurement().put(START, start);
  }

  /** The parent's part, after the prepare child: runs the two nodes and merges their counts. */
  static Outcome run(Contenders contender) throws IOException, InterruptedException {
    long started = System.nanoTime();
    List<Path> files = new ArrayList<>();
    List<ChildJvm> nodes = new ArrayList<>();
    try {
      for (int i = 1; i <= NODES; i++) {
        Path file = Files.createTempFile("cluster-node-" + i + "-", ".counts");
        files.add(file);
        nodes.add(Children.start(Workload.P2, contender, Role.NODE, file.toString()));
      }
      for (int i = 0; i < NODES; i++) {
        if (!nodes.get(i).awaitLine(Signals.READY, READY_TIMEOUT)) {
          return failed(
              i, "not ready within " + READY_TIMEOUT.toSeconds() + " s", nodes.get(i), started);
        }
      }
      for (ChildJvm node : nodes) {
        node.send(Signals.GO);
      }
      long[] progress = new long[NODES];
      long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
      while (nodes.stream().allMatch(ChildJvm::isAlive) && System.nanoTime() - deadline < 0) {
        Thread.sleep(POLL_MILLIS);
        for (int i = 0; i < NODES; i++) {
          for (String line : nodes.get(i).newLines()) {
            progress[i] = Math.max(progress[i], Signals.progress(line));
          }
        }
        if (progress[0] + progress[1] >= JOBS) {
          // As many runs as jobs: all ran unless some ran twice. Let late duplicates show, then
          // check the ids; if some job has not run yet, keep going.
          Thread.sleep(Jobs.SETTLE_MILLIS);
          if (allRan(nodes, files)) {
            break;
          }
        }
      }
      for (ChildJvm node : nodes) {
        // A node that exited already is reported by finish.
        node.send(Signals.STOP);
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (ChildJvm node : nodes) {
        outcomes.add(node.finish(STOP_TIMEOUT));
      }
      for (int i = 0; i < NODES; i++) {
        if (outcomes.get(i).measurement() == null) {
          return Outcome.failed(
              "node " + (i + 1) + ": " + outcomes.get(i).failure(),
              Duration.ofNanos(System.nanoTime() - started));
        }
      }
      long start =
          outcomes.stream()
              .map(Outcome::measurement)
              .map(Objects::requireNonNull)
              .mapToLong(measurement -> Objects.requireNonNull(measurement.get(START)).longValue())
              .min()
              .orElseThrow();
      List<RunCounts> counts = new ArrayList<>();
      for (Path file : files) {
        counts.add(RunCounts.read(file));
      }
      RunCounts merged = RunCounts.merge(counts);
      long busiest = counts.stream().mapToLong(RunCounts::runs).max().orElse(0);
      Measurement measurement =
          new Measurement()
              .put(RATE, Jobs.perSecond(merged.distinct(), start, merged.lastFirstRunMicros()))
              .put(BUSIEST, merged.runs() == 0 ? 0 : busiest * 100.0 / merged.runs())
              .put(Jobs.DUPLICATES, merged.duplicates())
              .put(Jobs.LOST, merged.lost());
      return Outcome.succeeded(measurement, Duration.ofNanos(System.nanoTime() - started));
    } finally {
      for (ChildJvm node : nodes) {
        node.kill();
      }
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Whether every job ran, from the counts the nodes write on SNAPSHOT. */
  private static boolean allRan(List<ChildJvm> nodes, List<Path> files)
      throws IOException, InterruptedException {
    for (ChildJvm node : nodes) {
      if (!node.send(Signals.SNAPSHOT)) {
        return false;
      }
    }
    List<RunCounts> counts = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      if (!nodes.get(i).awaitLine(Signals.SNAPSHOT_WRITTEN, STOP_TIMEOUT)) {
        return false;
      }
      counts.add(RunCounts.read(files.get(i)));
    }
    return RunCounts.merge(counts).lost() == 0;
  }

  /** A node that did not get ready: kills it and reports the end of its output. */
  static Outcome failed(int node, String problem, ChildJvm child, long started)
      throws IOException, InterruptedException {
    return Outcome.failed(
        "node " + (node + 1) + " " + problem + ": " + child.finish(Duration.ZERO).failure(),
        Duration.ofNanos(System.nanoTime() - started));
  }
}
