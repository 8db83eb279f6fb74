package io.scheduler.boot.metrics;

import io.micrometer.observation.Observation;
import io.scheduler.job.Job;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The context of the observation of one run of a job ({@value
 * DefaultJobExecutionObservationConvention#NAME}): the job, the run time the run is for and when it
 * started, plus, once it ended, the task's result or its error ({@link #getError()}).
 */
public class JobExecutionObservationContext extends Observation.Context {

  private final Job job;
  private final Instant scheduledRunTime;
  private final Instant startTime;
  private @Nullable Object result;

  /**
   * Creates the context of a run that starts now.
   *
   * @param job the job
   * @param scheduledRunTime the run time this run is for
   * @param startTime when it starts, from the scheduler's clock
   */
  public JobExecutionObservationContext(Job job, Instant scheduledRunTime, Instant startTime) {
    this.job = Objects.requireNonNull(job, "job");
    this.scheduledRunTime = Objects.requireNonNull(scheduledRunTime, "scheduledRunTime");
    this.startTime = Objects.requireNonNull(startTime, "startTime");
  }

  /**
   * Returns the job that runs.
   *
   * @return the job
   */
  public Job getJob() {
    return this.job;
  }

  /**
   * Returns the run time this run is for.
   *
   * @return the scheduled run time
   */
  public Instant getScheduledRunTime() {
    return this.scheduledRunTime;
  }

  /**
   * Returns when the run started, from the scheduler's clock.
   *
   * @return the start time
   */
  public Instant getStartTime() {
    return this.startTime;
  }

  /**
   * Returns what the task returned (the stage's value for asynchronous tasks), once the run ended.
   *
   * @return the result, or {@code null}
   */
  public @Nullable Object getResult() {
    return this.result;
  }

  /**
   * Sets what the task returned.
   *
   * @param result the result, or {@code null}
   */
  public void setResult(@Nullable Object result) {
    this.result = result;
  }
}
