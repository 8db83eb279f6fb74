package io.scheduler.boot.metrics;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.scheduler.boot.metrics.JobExecutionObservationDocumentation.HighCardinalityKeyNames;
import io.scheduler.boot.metrics.JobExecutionObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link JobExecutionObservationConvention}: observations named {@value #NAME}, so the
 * timer is {@value #NAME} (Micrometer adds its {@code error} tag) and the span is {@code job
 * <name>}.
 *
 * <ul>
 *   <li>low cardinality (timer tags and span attributes): {@code outcome} ({@value #SUCCESS} or
 *       {@value #ERROR}), {@code executor}, {@code jobstore} and, only when constructed with {@code
 *       jobTag}, {@code job} (the job id);
 *   <li>high cardinality (span attributes only): {@code job.id}, {@code job.name}.
 * </ul>
 *
 * <p>Extend it to add or change key values.
 */
public class DefaultJobExecutionObservationConvention implements JobExecutionObservationConvention {

  /** The name of the observation and of its timer. */
  public static final String NAME = "scheduler.job.execution";

  /** The {@code outcome} of a run that completed normally. */
  public static final String SUCCESS = "success";

  /** The {@code outcome} of a run that threw (or whose stage failed). */
  public static final String ERROR = "error";

  private final boolean jobTag;

  /** Creates the convention without the {@code job} tag. */
  public DefaultJobExecutionObservationConvention() {
    this(false);
  }

  /**
   * Creates the convention.
   *
   * @param jobTag whether to add the job id as the low-cardinality key {@code job}
   */
  public DefaultJobExecutionObservationConvention(boolean jobTag) {
    this.jobTag = jobTag;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(JobExecutionObservationContext context) {
    return "job " + context.getJob().name();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(JobExecutionObservationContext context) {
    KeyValues keyValues = KeyValues.of(outcome(context), executor(context), jobStore(context));
    return jobTag ? keyValues.and(job(context)) : keyValues;
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(JobExecutionObservationContext context) {
    return KeyValues.of(
        HighCardinalityKeyNames.JOB_ID.withValue(context.getJob().id()),
        HighCardinalityKeyNames.JOB_NAME.withValue(context.getJob().name()));
  }

  /**
   * Returns the {@code outcome} key value.
   *
   * @param context the run
   * @return {@value #SUCCESS} or {@value #ERROR}
   */
  protected KeyValue outcome(JobExecutionObservationContext context) {
    return LowCardinalityKeyNames.OUTCOME.withValue(context.getError() == null ? SUCCESS : ERROR);
  }

  /**
   * Returns the {@code executor} key value.
   *
   * @param context the run
   * @return the executor alias
   */
  protected KeyValue executor(JobExecutionObservationContext context) {
    return LowCardinalityKeyNames.EXECUTOR.withValue(context.getJob().executor());
  }

  /**
   * Returns the {@code jobstore} key value.
   *
   * @param context the run
   * @return the store alias
   */
  protected KeyValue jobStore(JobExecutionObservationContext context) {
    return LowCardinalityKeyNames.JOBSTORE.withValue(context.getJob().jobStore());
  }

  /**
   * Returns the {@code job} key value, added only when the job tag is enabled.
   *
   * @param context the run
   * @return the job id
   */
  protected KeyValue job(JobExecutionObservationContext context) {
    return LowCardinalityKeyNames.JOB.withValue(context.getJob().id());
  }
}
