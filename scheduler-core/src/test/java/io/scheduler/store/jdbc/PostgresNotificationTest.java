package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.event.EventType;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.ContractTasks;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStoreListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's {@code LISTEN/NOTIFY}: a job added through one scheduler runs on another at once,
 * although that one polls only once a minute; a store does not wake itself with its own changes.
 */
@Tag("integration")
class PostgresNotificationTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private @Nullable TestDatabase database;
  private String prefix;

  @BeforeEach
  void createTables() {
    database = TestDatabase.postgres();
    prefix = database.freshPrefix("notify_");
    database.createTables(prefix);
  }

  /** Shuts down the schedulers and stores, then drops the tables. */
  @AfterEach
  void stop() {
    // Null when no PostgreSQL server is reachable and the test was skipped.
    if (database != null) {
      database.close();
    }
  }

  private JdbcJobStore store(String pool, Duration pollInterval) {
    return JdbcJobStore.builder(database.pool(pool, 4))
        .tablePrefix(prefix)
        .initializeSchema(InitializeSchema.NEVER)
        .pollInterval(pollInterval)
        .build();
  }

  private Scheduler scheduler(String name, Duration pollInterval) {
    Scheduler scheduler =
        BackgroundScheduler.builder()
            .schedulerId(name)
            .threadNamePrefix(name + "-")
            .jobStore("default", store(name, pollInterval))
            .build();
    return database.closeWith(scheduler, started -> started.shutdown(true));
  }

  @Test
  void aJobAddedThroughOneSchedulerRunsOnAnotherWithoutWaitingForItsPoll() throws Exception {
    Scheduler adder = scheduler("adder", Duration.ofMinutes(1));
    adder.start(true); // paused: it stores jobs but runs none
    Scheduler runner = scheduler("runner", Duration.ofMinutes(1));
    CompletableFuture<Instant> ran = new CompletableFuture<>();
    runner.addListener(event -> ran.complete(Instant.now()), EventType.JOB_EXECUTED);
    runner.start();
    await("the runner listens").atMost(Duration.ofSeconds(10)).until(this::runnerListens);

    Instant added = Instant.now();
    adder.addJob(
        JobSpec.builder()
            .id("now")
            .task(ContractTasks.NOOP)
            .trigger("date", java.util.Map.of("run_date", added))
            .build());

    Duration latency = Duration.between(added, ran.get(30, TimeUnit.SECONDS));
    System.out.println("notify: added on one scheduler, ran on the other after " + latency);
    assertThat(latency).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aStoreIsNotWokenByItsOwnChanges() {
    AtomicInteger heardByA = new AtomicInteger();
    JdbcJobStore a = database.closeWith(store("a", Duration.ofMinutes(1)), JdbcJobStore::shutdown);
    a.start(context("node-a", heardByA));
    JdbcJobStore b = database.closeWith(store("b", Duration.ofMinutes(1)), JdbcJobStore::shutdown);
    b.start(context("node-b", new AtomicInteger()));
    await("both listen").atMost(Duration.ofSeconds(10)).until(() -> listeners() >= 2);

    a.addJob(TestJobs.job("mine"));
    b.addJob(TestJobs.job("theirs"));

    await("a heard b's change").atMost(Duration.ofSeconds(10)).until(() -> heardByA.get() >= 1);
    assertThat(heardByA.get())
        .as("a heard only b's change (its own was sent, and delivered, first)")
        .isEqualTo(1);
  }

  private boolean runnerListens() {
    return database.queryLong(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'runner'"
                + " AND (query LIKE 'LISTEN%' OR query = 'SELECT 1')")
        > 0;
  }

  private long listeners() {
    return database.queryLong(
        "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name IN ('a', 'b')"
            + " AND (query LIKE 'LISTEN%' OR query = 'SELECT 1')");
  }

  private static JobStoreContext context(String schedulerId, AtomicInteger heard) {
    return new JobStoreContext(
        "default",
        Clock.systemUTC(),
        ZONE,
        TaskResolver.staticMethods(),
        schedulerId,
        new JobStoreListener() {
          @Override
          public void jobsChanged() {
            heard.incrementAndGet();
          }

          @Override
          public void jobLoadFailed(String jobId, Exception cause) {}
        });
  }
}
