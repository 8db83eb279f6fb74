package io.scheduler.benchmarks.persistent;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * db-scheduler on its {@code scheduled_tasks} table: one one-time task whose instance id is the job
 * id. A running node is {@code Scheduler.create(dataSource, task)} with {@value Contenders#WORKERS}
 * threads, a 1 s polling interval and one of the two polling strategies with the library's default
 * limits; everything else keeps db-scheduler's defaults (no immediate execution, 5 min heartbeats).
 * A client is a {@link SchedulerClient}. Batches go through {@code scheduleBatch}, single jobs
 * through {@code schedule(instance, time, WHEN_EXISTS_DO_NOTHING)}.
 */
final class DbSchedulerContender implements Contender {

  /** db-scheduler's polling strategies. */
  enum Polling {
    /** {@code pollUsingLockAndFetch(0.5, 1.0)}: {@code select ... for update skip locked}. */
    LOCK_AND_FETCH,
    /**
     * {@code pollUsingFetch(0.5, 3.0)} (16.x's name for {@code pollUsingFetchAndLockOnExecute}):
     * fetch, then lock each by its version.
     */
    FETCH
  }

  private static final String TASK_NAME = "benchmark";

  /**
   * The table of db-scheduler's {@code postgresql_tables.sql} (its test resources) for 16.x; the
   * jar does not ship it.
   */
  private static final String TABLES =
      """
      create table scheduled_tasks (
        task_name text not null,
        task_instance text not null,
        task_data bytea,
        execution_time timestamp with time zone not null,
        picked boolean not null,
        picked_by text,
        last_success timestamp with time zone,
        last_failure timestamp with time zone,
        consecutive_failures int,
        last_heartbeat timestamp with time zone,
        version bigint not null,
        priority smallint,
        primary key (task_name, task_instance)
      );
      create index execution_time_idx on scheduled_tasks (execution_time);
      create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
      create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
      """;

  private final OneTimeTask<Void> task =
      Tasks.oneTime(TASK_NAME)
          .execute(
              (instance, context) ->
                  Recorder.ran(instance.getId(), context.getExecution().executionTime));
  private final @Nullable Scheduler scheduler;
  private final SchedulerClient client;

  DbSchedulerContender(DataSource dataSource, boolean runsJobs, Polling polling) {
    if (runsJobs) {
      var builder =
          Scheduler.create(dataSource, task)
              .schedulerName(new SchedulerName.Fixed("node-" + ProcessHandle.current().pid()))
              .threads(Contenders.WORKERS)
              .pollingInterval(Contenders.POLL_INTERVAL);
      builder =
          switch (polling) {
            case LOCK_AND_FETCH -> builder.pollUsingLockAndFetch(0.5, 1.0);
            case FETCH -> builder.pollUsingFetch(0.5, 3.0);
          };
      scheduler = builder.build();
      client = scheduler;
    } else {
      scheduler = null;
      client = SchedulerClient.Builder.create(dataSource, task).build();
    }
  }

  static void createTables(DataSource dataSource) throws Exception {
    Database.runScript(dataSource, TABLES);
  }

  @Override
  public void start() {
    if (scheduler != null) {
      scheduler.start();
    }
  }

  @Override
  public void add(List<DueJob> jobs) {
    List<SchedulableInstance<?>> instances = new ArrayList<>(jobs.size());
    for (DueJob job : jobs) {
      instances.add(SchedulableInstance.of(task.instance(job.id()), job.at()));
    }
    client.scheduleBatch(instances);
  }

  @Override
  public void add(DueJob job) {
    if (!client.schedule(
        task.instance(job.id()), job.at(), ScheduleOptions.WHEN_EXISTS_DO_NOTHING)) {
      throw new IllegalStateException("job " + job.id() + " exists already");
    }
  }

  @Override
  public void shutdown() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }
}
