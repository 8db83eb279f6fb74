package io.scheduler.benchmarks.persistent;

import io.scheduler.benchmarks.harness.ChildJvm;
import io.scheduler.benchmarks.harness.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Starts {@link PersistentChild} JVMs, all with {@link #FLAGS}. */
final class Children {

  /**
   * The JVM flags of every child: a fixed 1 GB heap (20,000 jobs need far less), G1, and the heap
   * touched at start-up so page faults stay out of the measurements; plus the {@link
   * Jobs#SCALE_PROPERTY} of a smoke run.
   */
  static final List<String> FLAGS = flags();

  private Children() {}

  private static List<String> flags() {
    List<String> flags =
        new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"));
    if (System.getProperty(Jobs.SCALE_PROPERTY) != null) {
      flags.add("-D" + Jobs.SCALE_PROPERTY + "=" + Jobs.scale());
    }
    return List.copyOf(flags);
  }

  /** Starts a child playing {@code role} in {@code workload} for {@code contender}. */
  static ChildJvm start(Workload workload, Contenders contender, Role role, String... extra)
      throws IOException {
    List<String> args = new ArrayList<>(List.of(workload.name(), contender.id(), role.name()));
    args.addAll(List.of(extra));
    return ChildJvm.start(
        "persistent-"
            + workload
            + "-"
            + contender.id()
            + "-"
            + role.name().toLowerCase(Locale.ROOT),
        FLAGS,
        PersistentChild.class,
        args);
  }

  /** Runs a child playing {@code role} to its end. */
  static Outcome run(Workload workload, Contenders contender, Role role, Duration timeout)
      throws IOException, InterruptedException {
    return start(workload, contender, role).finish(timeout);
  }
}
