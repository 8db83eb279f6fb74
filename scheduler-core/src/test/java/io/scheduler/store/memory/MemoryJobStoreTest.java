package io.scheduler.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.Job;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStoreContractTest;
import io.scheduler.store.JobStores;
import io.scheduler.store.ReleaseResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link MemoryJobStore}: the {@link JobStoreContractTest} contract, APScheduler's memory-store
 * specifics (shutdown forgets every job, snapshots are returned as stored) and property tests of
 * its two lanes: 10,000 random add, update, remove, acquire and release operations checked against
 * a plain reference model after every step.
 */
class MemoryJobStoreTest extends JobStoreContractTest {

  private static final long SEED = 0x5EED_2026L;

  private static final int STEPS = 10_000;

  @Override
  protected JobStore createStore() {
    return JobStores.memory();
  }

  @Test
  void shutdownRemovesAllJobsAsInApscheduler() {
    store.addJob(job("a", at(10)));
    store.addJob(job("b", null));
    store.acquireDueJobs(at(10), 10);

    store.shutdown();

    assertThat(store.getAllJobs()).isEmpty();
    assertThat(store.lookupJob("a")).isEmpty();
    assertThat(store.nextRunTime()).isEmpty();
  }

  @Test
  void aStoreCanBeStartedAgainAfterShutdown() {
    store.addJob(job("a", at(10)));
    store.shutdown();

    store.start(context());
    store.addJob(job("a", at(20)));

    assertThat(store.nextRunTime()).contains(at(20));
  }

  @Test
  void lookupAndAcquireReturnTheStoredSnapshotItself() {
    Job job = job("a", at(-1));
    store.addJob(job);

    assertThat(store.lookupJob("a")).containsSame(job);
    assertThat(store.getAllJobs()).singleElement().isSameAs(job);
    assertThat(store.acquireDueJobs(NOW, 1)).singleElement().isSameAs(job);
  }

  @Test
  void errorsNameTheAliasTheStoreWasStartedWith() {
    store.addJob(job("a", at(10)));

    assertThatThrownBy(() -> store.addJob(job("a", at(10))))
        .isInstanceOf(ConflictingJobIdException.class)
        .hasMessage(
            "Job identifier 'a' conflicts with an existing job in job store 'default' (use"
                + " replaceExisting(true) to replace it)");
    assertThatThrownBy(() -> store.removeJob("b"))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessage("No job by the id 'b' was found in job store 'default'");
    assertThat(store).hasToString("MemoryJobStore[default]");
  }

  @Test
  void aLimitBelowOneIsRejected() {
    store.addJob(job("a", at(-1)));

    assertThatThrownBy(() -> store.acquireDueJobs(NOW, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be greater than 0, but was 0");
    assertThat(store.acquireDueJobs(NOW, 1)).hasSize(1);
  }

  @Test
  void releasingAJobThatWasNeverAcquiredIsSupersededAndChangesNothing() {
    Job job = job("a", at(10));
    store.addJob(job);

    assertThat(store.releaseJob(job, null)).isEqualTo(ReleaseResult.SUPERSEDED);

    assertThat(store.lookupJob("a")).containsSame(job);
    assertThat(store.nextRunTime()).contains(at(10));
  }

  @Test
  void growsBeyondItsInitialCapacityAndKeepsTheOrder() {
    int jobs = 1_000;
    for (int i = 0; i < jobs; i++) {
      // 0, 7, 14, ... modulo a prime: every time once, in scrambled insertion order
      store.addJob(job("job-" + i, at((i * 7L) % 1_009)));
    }

    List<Job> due = store.acquireDueJobs(at(2_000), jobs);

    assertThat(due).hasSize(jobs).isSortedAccordingTo(Job.BY_NEXT_RUN_TIME);
    assertThat(store.nextRunTime()).isEmpty();
  }

  @Test
  void runTimesApartByLessThanAMicrosecondAreStillOrderedAndDueExactly() {
    Instant due = at(10);
    Instant halfAMicrosecondLater = due.plusNanos(500);
    store.addJob(job("later", halfAMicrosecondLater));
    store.addJob(job("earlier", due));

    assertThat(store.nextRunTime()).contains(due);
    assertThat(ids(store.getAllJobs())).containsExactly("earlier", "later");
    assertThat(store.acquireDueJobs(due, 10))
        .as("the job due at %s, acquired at that time", due)
        .extracting(Job::id)
        .containsExactly("earlier");
    assertThat(store.nextRunTime()).contains(halfAMicrosecondLater);
    assertThat(store.acquireDueJobs(halfAMicrosecondLater, 10))
        .extracting(Job::id)
        .containsExactly("later");
  }

  /**
   * Random operations against a reference model: after every step, {@code nextRunTime()} equals the
   * model's earliest unheld, unpaused time; every acquisition returns the model's earliest due
   * times in order; every release reports what the model predicts. Run times are random, so jobs go
   * to both lanes.
   */
  @Test
  void agreesWithAReferenceModelOverTenThousandRandomOperations() {
    checkAgainstModel(SEED, MemoryJobStoreTest::randomTime);
  }

  /**
   * The same with run times that mostly ascend, as when jobs are added for now: most jobs go to the
   * first-in, first-out lane, whose removed slots are reclaimed as it fills up.
   */
  @Test
  void agreesWithAReferenceModelWhenRunTimesMostlyAscend() {
    Instant[] last = {at(-50)};
    checkAgainstModel(
        SEED + 1,
        random -> {
          int kind = random.nextInt(20);
          if (kind == 0) {
            return null;
          }
          if (kind == 1) {
            return randomTime(random);
          }
          last[0] = last[0].plusNanos(random.nextInt(3) * 500_000L);
          return last[0];
        });
  }

  private void checkAgainstModel(long seed, Function<Random, @Nullable Instant> times) {
    Random random = new Random(seed);
    Model model = new Model();
    int nextId = 0;
    for (int step = 0; step < STEPS; step++) {
      String at = "seed " + seed + ", step " + step;
      int op = random.nextInt(100);
      if (op < 28 || model.ids.isEmpty()) {
        String id = "job-" + nextId++;
        Job job = job(id, times.apply(random));
        store.addJob(job);
        model.put(job);
      } else if (op < 30) {
        String id = model.randomId(random);
        assertThatThrownBy(() -> store.addJob(job(id, at(0))))
            .as(at)
            .isInstanceOf(ConflictingJobIdException.class);
      } else if (op < 45) {
        Job current = model.current.get(model.randomId(random));
        Job changed = current.withNextRunTime(times.apply(random));
        store.updateJob(changed);
        model.supersede(current.id());
        model.put(changed);
      } else if (op < 55) {
        String id = model.randomId(random);
        store.removeJob(id);
        model.supersede(id);
        model.remove(id);
      } else if (op < 57) {
        assertThatThrownBy(() -> store.removeJob("missing"))
            .as(at)
            .isInstanceOf(JobNotFoundException.class);
      } else if (op < 77) {
        Instant now = at(random.nextInt(101) - 50);
        int limit = 1 + random.nextInt(6);
        List<Job> acquired = store.acquireDueJobs(now, limit);
        List<Instant> expected = model.earliestDue(now, limit);
        assertThat(acquired.stream().map(job -> job.nextRunTime().orElseThrow()).toList())
            .as("times acquired at %s with limit %d, %s", now, limit, at)
            .isEqualTo(expected);
        for (Job job : acquired) {
          assertThat(model.current.get(job.id())).as(at).isSameAs(job);
          assertThat(model.held).as(at).doesNotContainKey(job.id());
          model.held.put(job.id(), job);
        }
      } else if (op < 97) {
        if (model.held.isEmpty()) {
          continue;
        }
        List<String> heldIds = new ArrayList<>(model.held.keySet());
        heldIds.sort(Comparator.naturalOrder());
        String id = heldIds.get(random.nextInt(heldIds.size()));
        Job acquired = model.held.remove(id);
        boolean remove = random.nextInt(4) == 0;
        Job updated = remove ? null : acquired.withNextRunTime(times.apply(random));
        ReleaseResult result = store.releaseJob(acquired, updated);
        if (updated == null) {
          assertThat(result).as(at).isEqualTo(ReleaseResult.REMOVED);
          model.remove(id);
        } else {
          assertThat(result).as(at).isEqualTo(ReleaseResult.UPDATED);
          model.put(updated);
        }
        model.stale.add(acquired);
      } else if (op < 99) {
        if (model.stale.isEmpty()) {
          continue;
        }
        Job stale = model.stale.get(random.nextInt(model.stale.size()));
        assertThat(store.releaseJob(stale, stale.withNextRunTime(at(0))))
            .as(at)
            .isEqualTo(ReleaseResult.SUPERSEDED);
      } else if (random.nextInt(20) == 0) {
        store.removeAllJobs();
        for (String id : new ArrayList<>(model.current.keySet())) {
          model.supersede(id);
          model.remove(id);
        }
      }

      assertThat(store.nextRunTime()).as("nextRunTime, %s", at).isEqualTo(model.nextRunTime());
      if (step % 250 == 0) {
        List<Job> all = store.getAllJobs();
        assertThat(all).as(at).isSortedAccordingTo(Job.BY_NEXT_RUN_TIME);
        assertThat(new HashSet<>(all)).as(at).isEqualTo(new HashSet<>(model.current.values()));
      }
    }
    // Everything still scheduled comes out in order at the end.
    List<Job> rest = store.acquireDueJobs(at(1_000), Integer.MAX_VALUE);
    assertThat(rest.stream().map(job -> job.nextRunTime().orElseThrow()).toList())
        .isEqualTo(model.earliestDue(at(1_000), Integer.MAX_VALUE));
  }

  /**
   * A run time within 50 s of now (many ties), a tenth of them paused, some with a fraction of a
   * second: milliseconds, microseconds, or nanoseconds within the first microsecond.
   */
  private static @Nullable Instant randomTime(Random random) {
    if (random.nextInt(10) == 0) {
      return null;
    }
    Instant time = at(random.nextInt(101) - 50);
    return switch (random.nextInt(8)) {
      case 0 -> time.plusMillis(random.nextInt(1000));
      case 1 -> time.plusNanos(random.nextInt(1_000_000) * 1000L);
      case 2 -> time.plusNanos(random.nextInt(1000));
      default -> time;
    };
  }

  /** What the store should hold: the current snapshots, the held ones, the superseded ones. */
  private static final class Model {
    final Map<String, Job> current = new HashMap<>();
    final List<String> ids = new ArrayList<>();
    final Map<String, Job> held = new HashMap<>();
    final List<Job> stale = new ArrayList<>();

    void put(Job job) {
      if (current.put(job.id(), job) == null) {
        ids.add(job.id());
      }
    }

    void remove(String id) {
      current.remove(id);
      ids.remove(id);
    }

    /** The job was changed or removed: a snapshot held for it can no longer be released. */
    void supersede(String id) {
      Job acquired = held.remove(id);
      if (acquired != null) {
        stale.add(acquired);
      }
    }

    String randomId(Random random) {
      return ids.get(random.nextInt(ids.size()));
    }

    List<Instant> schedulable() {
      Set<String> heldIds = held.keySet();
      return current.values().stream()
          .filter(job -> !heldIds.contains(job.id()))
          .map(Job::nextRunTime)
          .flatMap(Optional::stream)
          .sorted()
          .toList();
    }

    Optional<Instant> nextRunTime() {
      return schedulable().stream().findFirst();
    }

    List<Instant> earliestDue(Instant now, int limit) {
      return schedulable().stream().filter(time -> !time.isAfter(now)).limit(limit).toList();
    }
  }
}
