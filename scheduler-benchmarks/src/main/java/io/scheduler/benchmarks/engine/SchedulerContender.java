package io.scheduler.benchmarks.engine;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.trigger.DateTrigger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Our scheduler: a {@code BackgroundScheduler} with one executor, {@code "default"}, an 8-thread
 * pool, unlimited misfire grace time, so a late job runs rather than being dropped, like every
 * other contender, and UTC as the time zone of triggers given by alias.
 *
 * <p>Each scheduled task becomes one job with a generated id and a date trigger at the run instant,
 * given in one of the two {@link TriggerForm}s.
 */
final class SchedulerContender implements Contender {

  /** How a job's trigger is given. */
  enum TriggerForm {
    /** The object: {@code trigger(DateTrigger.at(at, ZoneOffset.UTC))}. */
    OBJECT,
    /**
     * Alias and options, the form the README leads with: {@code trigger("date", Map.of("run_date",
     * at))}, built in the scheduler's time zone (UTC) when the job is added.
     */
    ALIAS
  }

  private final Scheduler scheduler =
      BackgroundScheduler.builder()
          .executor("default", JobExecutors.threadPool(Contenders.WORKERS))
          // null: unlimited grace time.
          .jobDefaults(JobDefaults.builder().misfireGraceTime(null).build())
          .timezone(ZoneOffset.UTC)
          .build();

  private final TriggerForm triggerForm;

  SchedulerContender(TriggerForm triggerForm) {
    this.triggerForm = triggerForm;
  }

  @Override
  public void start() {
    scheduler.start();
  }

  @Override
  public void schedule(Runnable task, Instant at) {
    JobSpec job =
        switch (triggerForm) {
          case OBJECT ->
              JobSpec.builder().task(task).trigger(DateTrigger.at(at, ZoneOffset.UTC)).build();
          case ALIAS ->
              JobSpec.builder().task(task).trigger("date", Map.of("run_date", at)).build();
        };
    scheduler.addJob(job);
  }

  @Override
  public void shutdown() {
    // Waits for running jobs; jobs not due yet are dropped with the scheduler.
    scheduler.shutdown(true);
  }
}
