package io.scheduler.store.jdbc;

import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.ContractTasks;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStoreListener;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Jobs and stores the JDBC tests build outside a scheduler (as another process would add them). */
final class TestJobs {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private TestJobs() {}

  /** A job running {@code ContractTasks::noop} every 5 minutes, next at {@code nextRunTime}. */
  static Job job(String id, @Nullable Instant nextRunTime) {
    return job(
        id,
        TaskRef.of(ContractTasks.NOOP),
        List.of(),
        IntervalTrigger.every(Duration.ofMinutes(5)).withZone(ZONE),
        nextRunTime,
        1);
  }

  /** A job running {@code ContractTasks::noop} every 5 minutes, due now. */
  static Job job(String id) {
    return job(id, Instant.now());
  }

  /** A one-shot job due at {@code due}, without a misfire grace time (it runs however late). */
  static Job oneShot(String id, String task, List<Object> args, Instant due) {
    return job(id, TaskRef.of(task), args, DateTrigger.at(due.atZone(ZONE)), due, 1);
  }

  /** A job without a misfire grace time. */
  static Job job(
      String id,
      TaskRef ref,
      List<Object> args,
      Trigger trigger,
      @Nullable Instant nextRunTime,
      int maxInstances) {
    JobSpec spec =
        JobSpec.builder()
            .id(id)
            .task(ref)
            .args(args)
            .trigger(trigger)
            .misfireGraceTime(null)
            .maxInstances(maxInstances)
            .build();
    return Job.create(
        spec,
        id,
        TaskResolver.staticMethods().resolve(ref, spec.args(), spec.kwargs()),
        trigger,
        JobDefaults.ofDefaults(),
        nextRunTime);
  }

  /**
   * A started store on the tables of {@code prefix}, for adding jobs from outside a scheduler; it
   * is shut down with the database.
   */
  static JdbcJobStore loader(TestDatabase database, String prefix) {
    JdbcJobStore loader =
        JdbcJobStore.builder(database.pool("loader", 2))
            .tablePrefix(prefix)
            .initializeSchema(InitializeSchema.NEVER)
            .build();
    loader.start(
        new JobStoreContext(
            "default",
            Clock.systemUTC(),
            ZONE,
            TaskResolver.staticMethods(),
            "loader",
            JobStoreListener.NONE));
    return database.closeWith(loader, JdbcJobStore::shutdown);
  }
}
