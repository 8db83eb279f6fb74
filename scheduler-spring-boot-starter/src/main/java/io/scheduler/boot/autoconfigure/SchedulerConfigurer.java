package io.scheduler.boot.autoconfigure;

import io.scheduler.SchedulerBuilder;
import io.scheduler.job.JobDefaults;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Applies {@code scheduler.*} properties to a {@link SchedulerBuilder}, rejecting bad values with
 * an {@link InvalidSchedulerPropertyException} that names the key.
 */
final class SchedulerConfigurer {

  private static final String POSITIVE_DURATION = "a positive duration such as 30s, 500ms or PT1M";

  private final SchedulerProperties properties;
  private final JobStoreFactory jobStores;

  SchedulerConfigurer(SchedulerProperties properties, JobStoreFactory jobStores) {
    this.properties = properties;
    this.jobStores = jobStores;
  }

  void configure(SchedulerBuilder<?> builder) {
    if (properties.getTimezone() != null) {
      builder.timezone(properties.getTimezone());
    }
    builder.threadNamePrefix(
        nonEmpty("scheduler.thread-name-prefix", properties.getThreadNamePrefix()));
    builder.daemon(properties.isDaemon());
    builder.shutdownTimeout(
        positive("scheduler.shutdown.timeout", properties.getShutdown().getTimeout()));
    nonNegative("scheduler.startup-delay", properties.getStartupDelay());
    builder.jobDefaults(jobDefaults(properties.getJobDefaults()));
    for (Map.Entry<String, JobStoreProperties> store : properties.getJobstores().entrySet()) {
      builder.jobStore(store.getKey(), jobStores.create(store.getKey(), store.getValue()));
    }
    for (Map.Entry<String, ExecutorProperties> executor : properties.getExecutors().entrySet()) {
      builder.executor(
          executor.getKey(), ExecutorFactory.create(executor.getKey(), executor.getValue()));
    }
  }

  static JobDefaults jobDefaults(JobDefaultsProperties defaults) {
    return JobDefaults.builder()
        .coalesce(defaults.getCoalesce().policy())
        .maxInstances(positive("scheduler.job-defaults.max-instances", defaults.getMaxInstances()))
        .misfireGraceTime(
            graceTime("scheduler.job-defaults.misfire-grace-time", defaults.getMisfireGraceTime()))
        .build();
  }

  /** A job's grace time: negative means no limit (null), zero is rejected. */
  static @Nullable Duration graceTime(String key, Duration value) {
    if (value.isZero()) {
      throw new InvalidSchedulerPropertyException(
          key, value, "a positive duration such as 30s, or a negative one (-1) for no limit");
    }
    return value.isNegative() ? null : value;
  }

  static int positive(String key, int value) {
    if (value <= 0) {
      throw new InvalidSchedulerPropertyException(key, value, "a positive integer");
    }
    return value;
  }

  static Duration positive(String key, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new InvalidSchedulerPropertyException(key, value, POSITIVE_DURATION);
    }
    return value;
  }

  static Duration nonNegative(String key, Duration value) {
    if (value.isNegative()) {
      throw new InvalidSchedulerPropertyException(
          key, value, "zero or a positive duration such as 10s");
    }
    return value;
  }

  static String nonEmpty(String key, String value) {
    if (value.isBlank()) {
      throw new InvalidSchedulerPropertyException(key, value, "a non-blank text");
    }
    return value;
  }
}
