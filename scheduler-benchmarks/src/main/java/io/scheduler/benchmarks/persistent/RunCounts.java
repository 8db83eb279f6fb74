package io.scheduler.benchmarks.persistent;

import io.scheduler.benchmarks.harness.Percentiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;

/**
 * How often each measured job ran, when it first ran and for which run time, in one process or
 * merged over several: the source of the exact duplicate and lost counts. Times are wall-clock
 * microseconds; 0 means never ran.
 */
final class RunCounts {

  private final int[] counts;
  private final long[] firstRunMicros;
  private final long[] scheduledMicros;
  private final long strayRuns;

  RunCounts(int[] counts, long[] firstRunMicros, long[] scheduledMicros, long strayRuns) {
    this.counts = counts;
    this.firstRunMicros = firstRunMicros;
    this.scheduledMicros = scheduledMicros;
    this.strayRuns = strayRuns;
  }

  /** Adds the runs of several processes: counts summed, the earliest first run kept. */
  static RunCounts merge(List<RunCounts> parts) {
    int jobs = parts.get(0).counts.length;
    int[] counts = new int[jobs];
    long[] first = new long[jobs];
    long[] scheduled = new long[jobs];
    long stray = 0;
    for (RunCounts part : parts) {
      if (part.counts.length != jobs) {
        throw new IllegalArgumentException(
            "cannot merge counts of " + part.counts.length + " and " + jobs + " jobs");
      }
      stray += part.strayRuns;
      for (int i = 0; i < jobs; i++) {
        counts[i] += part.counts[i];
        if (part.counts[i] > 0 && (first[i] == 0 || part.firstRunMicros[i] < first[i])) {
          first[i] = part.firstRunMicros[i];
          scheduled[i] = part.scheduledMicros[i];
        }
      }
    }
    return new RunCounts(counts, first, scheduled, stray);
  }

  /** Jobs that ran at least once. */
  int distinct() {
    return (int) Arrays.stream(counts).filter(count -> count > 0).count();
  }

  /** Runs beyond the first of each job, plus runs of ids that were never added. */
  long duplicates() {
    long duplicates = strayRuns;
    for (int count : counts) {
      duplicates += Math.max(0, count - 1);
    }
    return duplicates;
  }

  /** Jobs that never ran. */
  int lost() {
    return counts.length - distinct();
  }

  /** All runs of measured jobs. */
  long runs() {
    return Arrays.stream(counts).asLongStream().sum();
  }

  /** When the last job that ran first ran; 0 when none ran. */
  long lastFirstRunMicros() {
    return Arrays.stream(firstRunMicros).max().orElse(0);
  }

  /**
   * The lateness of every job that ran, first run minus its due time, ascending.
   *
   * @param dueMicros the due time of job {@code i}
   */
  long[] sortedLateness(IntToLongFunction dueMicros) {
    return IntStream.range(0, counts.length)
        .filter(i -> counts[i] > 0)
        .mapToLong(i -> firstRunMicros[i] - dueMicros.applyAsLong(i))
        .sorted()
        .toArray();
  }

  /** The lateness of every job that ran against the run time its scheduler ran it for. */
  long[] sortedLatenessToScheduled() {
    return sortedLateness(i -> scheduledMicros[i]);
  }

  /** The nearest-rank percentile of {@code sortedMicros} in ms, or NaN when empty. */
  static double percentileMillis(long[] sortedMicros, int percentile) {
    return sortedMicros.length == 0
        ? Double.NaN
        : Percentiles.nearestRankMillis(sortedMicros, percentile);
  }

  /** Writes these counts to {@code file}, for the parent to merge. */
  void write(Path file) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(counts.length);
      out.writeLong(strayRuns);
      for (int i = 0; i < counts.length; i++) {
        out.writeInt(counts[i]);
        out.writeLong(firstRunMicros[i]);
        out.writeLong(scheduledMicros[i]);
      }
    }
  }

  /** Reads counts {@link #write} wrote. */
  static RunCounts read(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int jobs = in.readInt();
      long stray = in.readLong();
      int[] counts = new int[jobs];
      long[] first = new long[jobs];
      long[] scheduled = new long[jobs];
      for (int i = 0; i < jobs; i++) {
        counts[i] = in.readInt();
        first[i] = in.readLong();
        scheduled[i] = in.readLong();
      }
      return new RunCounts(counts, first, scheduled, stray);
    }
  }
}
