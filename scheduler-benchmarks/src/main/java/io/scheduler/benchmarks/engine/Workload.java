package io.scheduler.benchmarks.engine;

import io.scheduler.benchmarks.harness.Measurement;
import io.scheduler.benchmarks.harness.Metric;
import io.scheduler.benchmarks.harness.WorkloadInfo;
import java.time.Duration;
import java.util.List;

/** The workloads, by the name used on the command line; each runs in its own child JVM. */
enum Workload implements WorkloadInfo {
  W1(
      "burst: 200,000 one-shot no-op jobs due now",
      Duration.ofMinutes(5),
      BurstWorkload.METRICS,
      BurstWorkload::run),
  W2(
      "lateness: 2,000 one-shot jobs at random instants over 20 s, after a warm-up",
      Duration.ofMinutes(3),
      LatenessWorkload.METRICS,
      LatenessWorkload::run),
  W3(
      "scale: 1,000,000 one-shot jobs a day ahead",
      Duration.ofMinutes(5),
      ScaleWorkload.METRICS,
      ScaleWorkload::run);

  /** What a workload does with one contender, start to shutdown. */
  @FunctionalInterface
  interface Body {
    Measurement run(Contender contender) throws Exception;
  }

  private final String title;
  private final Duration timeout;
  private final List<Metric> metrics;
  private final Body body;

  Workload(String title, Duration timeout, List<Metric> metrics, Body body) {
    this.title = title;
    this.timeout = timeout;
    this.metrics = metrics;
    this.body = body;
  }

  /** A one-line description for the tables. */
  @Override
  public String title() {
    return title;
  }

  /** How long the parent lets one child JVM run this workload before killing it. */
  Duration timeout() {
    return timeout;
  }

  /** What the workload reports, in table order. */
  @Override
  public List<Metric> metrics() {
    return metrics;
  }

  /** Runs the workload against a new contender, from start to shutdown. */
  Measurement run(Contender contender) throws Exception {
    return body.run(contender);
  }
}
