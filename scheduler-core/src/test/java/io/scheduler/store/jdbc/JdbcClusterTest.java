package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.event.EventType;
import io.scheduler.event.JobExecuted;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.Job;
import io.scheduler.job.TaskRef;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three {@link BackgroundScheduler}s, each with its own connection pool (as three processes would
 * have), share one pair of PostgreSQL tables holding 10,000 one-shot jobs, all due within two
 * seconds, plus jobs that overlap themselves under {@code maxInstances = 1}: every run happens
 * exactly once, and no job ever runs twice at once anywhere in the cluster.
 */
@Tag("integration")
class JdbcClusterTest {

  private static final int ONE_SHOT_JOBS = 10_000;
  private static final int NODES = 3;

  private TestDatabase database;
  private final List<Scheduler> schedulers = new ArrayList<>();

  /** Shuts down the schedulers and the loader, then drops the tables. */
  @AfterEach
  void stop() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void threeSchedulersRunTenThousandJobsExactlyOnce() throws Exception {
    database = TestDatabase.postgres();
    String prefix = database.freshPrefix("cluster_");
    database.createTables(prefix);
    ClusterTasks.reset(ONE_SHOT_JOBS);
    Instant firstDue = Instant.now().plusSeconds(3);
    addJobs(prefix, firstDue);

    Map<String, AtomicInteger> executedBy = new ConcurrentHashMap<>();
    for (int node = 0; node < NODES; node++) {
      String name = "cluster-node-" + node;
      Scheduler scheduler =
          BackgroundScheduler.builder()
              .schedulerId(name)
              .threadNamePrefix(name + "-")
              .executor("default", JobExecutors.threadPool(8, name + "-worker-"))
              .jobStore(
                  "default",
                  JdbcJobStore.builder(database.pool(name, 12))
                      .tablePrefix(prefix)
                      .initializeSchema(InitializeSchema.NEVER)
                      .leaseTime(Duration.ofSeconds(20))
                      .pollInterval(Duration.ofSeconds(1))
                      .build())
              .jobStoreRetryInterval(Duration.ofMillis(500))
              .listener(
                  event -> {
                    if (((JobExecuted) event).jobId().startsWith("once-")) {
                      executedBy.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                    }
                  },
                  EventType.JOB_EXECUTED)
              .build();
      schedulers.add(database.closeWith(scheduler, started -> started.shutdown(false)));
      scheduler.start();
    }

    boolean allRan = ClusterTasks.distinctRuns.await(120, TimeUnit.SECONDS);
    Duration took = Duration.between(firstDue, Instant.now());
    for (Scheduler scheduler : schedulers) {
      scheduler.shutdown(true);
    }

    List<String> duplicates =
        ClusterTasks.RUNS.entrySet().stream()
            .filter(run -> run.getKey().startsWith("once-") && run.getValue().get() > 1)
            .map(Map.Entry::getKey)
            .toList();
    long ran = ClusterTasks.RUNS.keySet().stream().filter(key -> key.startsWith("once-")).count();
    long lost = ONE_SHOT_JOBS - ran;
    System.out.printf(
        "cluster: %d one-shot runs in %s after the first was due, %d duplicates, %d lost;"
            + " executed by node %s; most overlap %s%n",
        ran, took, duplicates.size(), lost, executedBy, ClusterTasks.MOST_RUNNING);
    assertThat(allRan).as("every one-shot job ran within 120 s (lost: %d)", lost).isTrue();
    assertThat(duplicates).as("runs that happened twice").isEmpty();
    assertThat(lost).as("runs that never happened").isZero();
    assertThat(executedBy).as("every node took part").hasSize(NODES);
    assertThat(ClusterTasks.MOST_RUNNING)
        .as("maxInstances = 1 holds across the cluster")
        .isNotEmpty()
        .allSatisfy((job, most) -> assertThat(most.get()).as(job).isEqualTo(1));
    assertThat(database.queryLong("SELECT COUNT(*) FROM " + prefix + "jobs WHERE id LIKE 'once-%'"))
        .as("finished one-shot jobs are removed")
        .isZero();
    assertThat(database.queryLong("SELECT COUNT(*) FROM " + prefix + "runs"))
        .as("every claim was completed")
        .isZero();
  }

  /** Stores the jobs through a store of their own, in batches, before any scheduler starts. */
  private void addJobs(String prefix, Instant firstDue) {
    JdbcJobStore loader = TestJobs.loader(database, prefix);
    List<Job> batch = new ArrayList<>();
    for (int i = 0; i < ONE_SHOT_JOBS; i++) {
      // 10,000 run times spread over 2 s: five jobs due in every millisecond
      batch.add(
          TestJobs.oneShot(
              "once-" + i, ClusterTasks.RECORD, List.of(), firstDue.plusMillis(i % 2_000)));
      if (batch.size() == 1_000) {
        loader.addJobs(batch);
        batch.clear();
      }
    }
    for (int i = 0; i < 3; i++) {
      Trigger every300ms = IntervalTrigger.every(Duration.ofMillis(300)).withZone(TestJobs.ZONE);
      batch.add(
          TestJobs.job(
              "overlap-" + i,
              TaskRef.of(ClusterTasks.OVERLAP),
              List.of(400),
              every300ms,
              firstDue,
              1));
    }
    loader.addJobs(batch);
    loader.shutdown();
  }
}
