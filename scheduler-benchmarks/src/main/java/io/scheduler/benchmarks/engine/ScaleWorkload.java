package io.scheduler.benchmarks.engine;

import io.scheduler.benchmarks.harness.Measurement;
import io.scheduler.benchmarks.harness.Metric;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * W3: {@value #JOBS} one-shot jobs a day ahead, the i-th at that instant plus i ms, all sharing one
 * no-op task so only the scheduler's own bookkeeping counts.
 *
 * <p>Add rate is jobs per second of the scheduling loop. Heap per job is the used heap after the
 * loop minus the used heap before it, each read after {@value #GCS} {@code System.gc()} calls,
 * divided by the job count. The started contender holds the jobs while the second reading is taken.
 */
final class ScaleWorkload {

  static final int JOBS = 1_000_000;

  static final Metric ADD_RATE = new Metric("addPerSecond", "add jobs/s", 0, false);
  static final Metric HEAP_PER_JOB = new Metric("heapBytesPerJob", "heap bytes/job", 0, false);
  static final List<Metric> METRICS = List.of(ADD_RATE, HEAP_PER_JOB);

  private static final int GCS = 3;
  private static final Runnable NO_OP = () -> {};

  private ScaleWorkload() {}

  static Measurement run(Contender contender) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    contender.start();
    long before = usedHeapAfterGc(memory);
    Instant dayAhead = Instant.now().plus(Duration.ofDays(1));
    long start = System.nanoTime();
    for (int i = 0; i < JOBS; i++) {
      contender.schedule(NO_OP, dayAhead.plusMillis(i));
    }
    long added = System.nanoTime();
    long after = usedHeapAfterGc(memory);
    contender.shutdown();
    return new Measurement()
        .put(ADD_RATE, JOBS * 1e9 / (added - start))
        .put(HEAP_PER_JOB, (double) (after - before) / JOBS);
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < GCS; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
