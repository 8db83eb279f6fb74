package io.scheduler.benchmarks.engine;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.trigger.DateTrigger;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Our scheduler: a {@code BackgroundScheduler} with one executor, {@code "default"}, an 8-thread
 * pool, and unlimited misfire grace time, so a late job runs rather than being dropped, like every
 * other contender.
 *
 * <p>Each scheduled task becomes one job with a generated id and a {@link DateTrigger} at the run
 * instant, in UTC.
 */
final class SchedulerContender implements Contender {

  private final Scheduler scheduler =
      BackgroundScheduler.builder()
          .executor("default", JobExecutors.threadPool(Contenders.WORKERS))
          // null: unlimited grace time.
          .jobDefaults(JobDefaults.builder().misfireGraceTime(null).build())
          .build();

  @Override
  public void start() {
    scheduler.start();
  }

  @Override
  public void schedule(Runnable task, Instant at) {
    scheduler.addJob(
        JobSpec.builder().task(task).trigger(DateTrigger.at(at, ZoneOffset.UTC)).build());
  }

  @Override
  public void shutdown() {
    // Waits for running jobs; jobs not due yet are dropped with the scheduler.
    scheduler.shutdown(true);
  }
}
