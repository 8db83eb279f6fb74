package io.scheduler.boot.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the scheduler's Micrometer meters and observations ({@code scheduler.metrics}).
 */
@ConfigurationProperties("scheduler.metrics")
public class SchedulerMetricsProperties {

  /**
   * Whether to tag job meters and observations with the job's id ('job' tag). Off by default: job
   * ids may be generated per job, so a tag value per job can grow without bound. Turn it on when
   * the application has a fixed set of jobs.
   */
  private boolean jobTag;

  /**
   * Returns whether job meters carry the {@code job} tag.
   *
   * @return whether the job id is a tag
   */
  public boolean isJobTag() {
    return this.jobTag;
  }

  /**
   * Sets whether job meters carry the {@code job} tag.
   *
   * @param jobTag whether the job id is a tag
   */
  public void setJobTag(boolean jobTag) {
    this.jobTag = jobTag;
  }
}
