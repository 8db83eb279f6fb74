package io.scheduler.benchmarks.engine;

import io.scheduler.benchmarks.harness.Measurement;
import io.scheduler.benchmarks.harness.Metric;
import io.scheduler.benchmarks.harness.Options;
import io.scheduler.benchmarks.harness.WorkloadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A workload as the command line names it: what it does ({@link Kind}) and how its child JVM starts
 * ({@link Start}). The warm form keeps the kind's name ({@code W1}), the cold one adds {@code
 * -cold} ({@code W1-cold}); each runs in its own child JVM.
 *
 * @param kind what the workload does
 * @param start how its child JVM starts
 */
record Workload(Kind kind, Start start) implements WorkloadInfo {

  /** Every workload, in default run order: each kind warm, then cold where it has a cold form. */
  static final List<Workload> ALL = all();

  /** What a workload does with one contender, start to shutdown. */
  @FunctionalInterface
  interface Body {
    Measurement run(Contender contender, Start start) throws Exception;
  }

  /** What the workloads do. */
  enum Kind {
    W1(
        "burst: 200,000 one-shot no-op jobs due now",
        "warm: 5 s of bursts like it first",
        BurstWorkload.JOBS,
        Duration.ofMinutes(5),
        BurstWorkload.METRICS,
        (contender, start) -> BurstWorkload.run(contender, BurstWorkload.JOBS, start)),
    W1M(
        "burst: 1,000,000 one-shot no-op jobs due now",
        "warm: 5 s of bursts of 200,000 like it first",
        BurstWorkload.MILLION,
        Duration.ofMinutes(6),
        BurstWorkload.METRICS,
        (contender, start) -> BurstWorkload.run(contender, BurstWorkload.MILLION, start)),
    W2(
        "lateness: 2,000 one-shot jobs at random instants over 20 s",
        "warm: 5 s of bursts of 50,000 first",
        LatenessWorkload.JOBS,
        Duration.ofMinutes(3),
        LatenessWorkload.METRICS,
        LatenessWorkload::run),
    /** Only warm: it has no warm-up, and its add rate over a million jobs is a cold figure. */
    W3(
        "scale: 1,000,000 one-shot jobs a day ahead",
        "no warm-up",
        0,
        Duration.ofMinutes(5),
        ScaleWorkload.METRICS,
        (contender, start) -> ScaleWorkload.run(contender));

    private final String title;
    private final String warmTitle;
    private final int coldMeasuredJobs;
    private final Duration timeout;
    private final List<Metric> metrics;
    private final Body body;

    /**
     * @param coldMeasuredJobs the measured jobs, whose hundredth the cold form's warm-up burst
     *     runs; 0 when the kind has no cold form
     */
    Kind(
        String title,
        String warmTitle,
        int coldMeasuredJobs,
        Duration timeout,
        List<Metric> metrics,
        Body body) {
      this.title = title;
      this.warmTitle = warmTitle;
      this.coldMeasuredJobs = coldMeasuredJobs;
      this.timeout = timeout;
      this.metrics = metrics;
      this.body = body;
    }

    boolean hasColdForm() {
      return coldMeasuredJobs > 0;
    }
  }

  private static List<Workload> all() {
    List<Workload> all = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      for (Start start : Start.values()) {
        if (start == Start.WARM || kind.hasColdForm()) {
          all.add(new Workload(kind, start));
        }
      }
    }
    return List.copyOf(all);
  }

  /** The workload called {@code name} ({@code W1}, {@code W1-cold}), or an exception naming all. */
  static Workload byName(String name) {
    return Options.workload(name, ALL);
  }

  /** The name on the command line and in the tables: {@code W1}, {@code W1-cold}. */
  @Override
  public String name() {
    return kind.name() + start.suffix();
  }

  /** What the workload does, then how the child starts. */
  @Override
  public String title() {
    return kind.title + "; " + startTitle();
  }

  private String startTitle() {
    return switch (start) {
      case WARM -> kind.warmTitle + ", fixed 4 GB pre-touched heap";
      case COLD ->
          String.format(
              Locale.ROOT,
              "cold: one burst of %,d jobs with the same task first, the JVM's default heap",
              WarmUp.coldJobs(kind.coldMeasuredJobs));
    };
  }

  /** How long the parent lets one child JVM run this workload before killing it. */
  Duration timeout() {
    return kind.timeout;
  }

  /** What the workload reports, in table order. */
  @Override
  public List<Metric> metrics() {
    return kind.metrics;
  }

  /** Runs the workload against a new contender, from start to shutdown. */
  Measurement run(Contender contender) throws Exception {
    return kind.body.run(contender, start);
  }
}
