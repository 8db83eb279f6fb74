package io.scheduler.benchmarks.engine;

import java.util.List;

/**
 * How a workload's child JVM starts: warm, as the harness has always measured (a fixed, pre-touched
 * heap and the workload's warm-up of a fixed time), or cold, as a freshly started application meets
 * the scheduler (the JVM's default heap and one unmeasured burst of a hundredth of the measured
 * jobs, as the independent harness of issue 15 did).
 */
enum Start {
  /** {@link EngineBenchmarks#FLAGS} and the workload's own warm-up. */
  WARM("", EngineBenchmarks.FLAGS),
  /** {@link EngineBenchmarks#COLD_FLAGS} and one burst of {@link WarmUp#COLD_FRACTION} first. */
  COLD("-cold", EngineBenchmarks.COLD_FLAGS);

  private final String suffix;
  private final List<String> flags;

  Start(String suffix, List<String> flags) {
    this.suffix = suffix;
    this.flags = flags;
  }

  /** What the workload's name gets appended: nothing when warm, {@code -cold} when cold. */
  String suffix() {
    return suffix;
  }

  /** The child JVM's flags. */
  List<String> flags() {
    return flags;
  }
}
