package io.scheduler.benchmarks.persistent;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.store.jdbc.InitializeSchema;
import io.scheduler.store.jdbc.JdbcJobStore;
import io.scheduler.trigger.DateTrigger;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Ours: a {@link BackgroundScheduler} whose {@code "default"} job store is {@code
 * JdbcJobStore.builder(dataSource).tablePrefix("bench_").initializeSchema(NEVER).pollInterval(1
 * s).build()} and whose {@code "default"} executor is {@code JobExecutors.threadPool(8)}, with
 * unlimited misfire grace time, so a late job runs rather than being dropped. A client is the same
 * scheduler started paused: it adds jobs and never runs them. The prepare child creates the tables
 * through a store with {@code initializeSchema(ALWAYS)}.
 *
 * <p>Each job has the job id as its id, the task {@link RecordingTask#REF} and a {@link
 * DateTrigger} at the run instant, in UTC. Batches go through {@code Scheduler.addJobs}.
 */
final class SchedulerContender implements Contender {

  private static final String TABLE_PREFIX = "bench_";
  private static final TaskRef TASK = TaskRef.of(RecordingTask.REF);

  private final Scheduler scheduler;
  private final boolean runsJobs;

  SchedulerContender(DataSource dataSource, boolean runsJobs) {
    this.runsJobs = runsJobs;
    scheduler = scheduler(dataSource, InitializeSchema.NEVER);
  }

  private static Scheduler scheduler(DataSource dataSource, InitializeSchema initializeSchema) {
    return BackgroundScheduler.builder()
        .jobStore(
            "default",
            JdbcJobStore.builder(dataSource)
                .tablePrefix(TABLE_PREFIX)
                .initializeSchema(initializeSchema)
                .pollInterval(Contenders.POLL_INTERVAL)
                .build())
        .executor("default", JobExecutors.threadPool(Contenders.WORKERS))
        // null: unlimited grace time.
        .jobDefaults(JobDefaults.builder().misfireGraceTime(null).build())
        .build();
  }

  /** Creates the tables the way a user would: a store with {@code initializeSchema(ALWAYS)}. */
  static void createTables(DataSource dataSource) {
    Scheduler scheduler = scheduler(dataSource, InitializeSchema.ALWAYS);
    scheduler.start(true);
    scheduler.shutdown(true);
  }

  @Override
  public void start() {
    scheduler.start(!runsJobs);
  }

  @Override
  public void add(List<DueJob> jobs) {
    List<JobSpec> specs = new ArrayList<>(jobs.size());
    for (DueJob job : jobs) {
      specs.add(spec(job));
    }
    scheduler.addJobs(specs);
  }

  @Override
  public void add(DueJob job) {
    scheduler.addJob(spec(job));
  }

  private static JobSpec spec(DueJob job) {
    return JobSpec.builder()
        .id(job.id())
        .task(TASK)
        .trigger(DateTrigger.at(job.at(), ZoneOffset.UTC))
        .build();
  }

  @Override
  public void shutdown() {
    // Waits for running jobs; jobs not run yet stay in the database.
    scheduler.shutdown(true);
  }
}
