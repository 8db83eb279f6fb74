package io.scheduler.boot.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and key values of job run observations. Declare a bean of this type (or extend {@link
 * DefaultJobExecutionObservationConvention}) to change them.
 */
public interface JobExecutionObservationConvention
    extends ObservationConvention<JobExecutionObservationContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof JobExecutionObservationContext;
  }
}
