package io.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link JobIds}: APScheduler's id shape (32 hex digits), unique per generator and across them. */
class JobIdsTest {

  @Test
  void idsAre32LowercaseHexDigits() {
    String id = new JobIds().next();

    assertThat(id).hasSize(32).matches("[0-9a-f]{32}");
  }

  @Test
  void oneGeneratorNeverRepeatsAndCountsInItsLastDigits() {
    JobIds ids = new JobIds();
    Set<String> seen = new HashSet<>();
    String first = ids.next();
    seen.add(first);
    for (int i = 0; i < 99_999; i++) {
      assertThat(seen.add(ids.next())).isTrue();
    }
    String next = ids.next();

    assertThat(next).startsWith(first.substring(0, 16));
    assertThat(Long.parseUnsignedLong(next.substring(16), 16))
        .isEqualTo(Long.parseUnsignedLong(first.substring(16), 16) + 100_000);
  }

  @Test
  void threadsAddingAtOnceNeverShareAnId() throws Exception {
    JobIds ids = new JobIds();
    int threads = 4;
    int perThread = 3 * JobIds.BLOCK + 7;
    Set<String> seen = ConcurrentHashMap.newKeySet();
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    seen.add(ids.next());
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(seen).hasSize(threads * perThread).allMatch(id -> id.matches("[0-9a-f]{32}"));
  }

  @Test
  void twoGeneratorsDrawDifferentPrefixes() {
    String a = new JobIds().next();
    String b = new JobIds().next();

    assertThat(a.substring(0, 16)).isNotEqualTo(b.substring(0, 16));
    assertThat(a).isNotEqualTo(b);
  }
}
