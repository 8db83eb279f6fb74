package io.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link InstanceCounter}: counting up to a job's {@code maxInstances}, releasing, per-job
 * independence, the sorted snapshot, and that eight threads acquiring and releasing at once never
 * see more instances running than the limit.
 */
class InstanceCounterTest {

  private final InstanceCounter counter = new InstanceCounter();

  @Test
  void countsInstancesUpToTheLimit() {
    assertThat(counter.tryAcquire("job", 2)).isTrue();
    assertThat(counter.tryAcquire("job", 2)).isTrue();
    assertThat(counter.tryAcquire("job", 2)).isFalse();

    assertThat(counter.running("job")).isEqualTo(2);
  }

  @Test
  void aReleasedInstanceMakesRoomForAnother() {
    counter.tryAcquire("job", 1);
    assertThat(counter.tryAcquire("job", 1)).isFalse();

    counter.release("job");

    assertThat(counter.running("job")).isZero();
    assertThat(counter.tryAcquire("job", 1)).isTrue();
  }

  @Test
  void jobsAreCountedSeparately() {
    counter.tryAcquire("a", 1);

    assertThat(counter.tryAcquire("b", 1)).isTrue();
    assertThat(counter.running("a")).isOne();
    assertThat(counter.running("b")).isOne();
  }

  @Test
  void aLowerLimitThanTheRunningCountAdmitsNothing() {
    counter.tryAcquire("job", 3);
    counter.tryAcquire("job", 3);
    counter.tryAcquire("job", 3);

    assertThat(counter.tryAcquire("job", 2)).isFalse();
    assertThat(counter.running("job")).isEqualTo(3);
  }

  @Test
  void releasingAJobThatDoesNotRunChangesNothing() {
    counter.release("ghost");
    counter.tryAcquire("job", 5);
    counter.release("job");
    counter.release("job");

    assertThat(counter.running("ghost")).isZero();
    assertThat(counter.running("job")).isZero();
    assertThat(counter.snapshot()).isEmpty();
    assertThat(counter.tryAcquire("job", 1)).isTrue();
    assertThat(counter.tryAcquire("job", 1)).as("no negative count was kept").isFalse();
  }

  @Test
  void theSnapshotListsRunningJobsByIdAndDoesNotChangeLater() {
    counter.tryAcquire("zeta", 5);
    counter.tryAcquire("alpha", 5);
    counter.tryAcquire("alpha", 5);
    counter.tryAcquire("done", 5);
    counter.release("done");

    Map<String, Integer> snapshot = counter.snapshot();
    counter.tryAcquire("zeta", 5);

    assertThat(snapshot).containsExactly(entry("alpha", 2), entry("zeta", 1));
  }

  @Test
  void concurrentAcquireAndReleaseNeverExceedTheLimit() throws Exception {
    int threads = 8;
    int attempts = 20_000;
    int limit = 3;
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    AtomicInteger admitted = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < attempts; i++) {
                    if (counter.tryAcquire("job", limit)) {
                      admitted.incrementAndGet();
                      int now = inside.incrementAndGet();
                      mostInside.accumulateAndGet(now, Math::max);
                      assertThat(counter.running("job")).isBetween(1, limit);
                      inside.decrementAndGet();
                      counter.release("job");
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS); // failure guard only; rethrows a worker's failure
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(mostInside.get()).isBetween(1, limit);
    assertThat(admitted.get()).isPositive();
    assertThat(counter.running("job")).isZero();
    assertThat(counter.snapshot()).isEmpty();
  }
}
