package io.scheduler.boot.autoconfigure;

import io.scheduler.job.JobDefaults;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.convert.DurationUnit;

/** Options of jobs that do not set their own, {@code scheduler.job-defaults.*}. */
public class JobDefaultsProperties {

  /**
   * What to do with several overdue runs of one job: 'true' or 'latest' runs once for the latest
   * time, 'earliest' once for the earliest, 'false' or 'all' runs for each.
   */
  private SchedulerProperties.Coalesce coalesce =
      SchedulerProperties.Coalesce.of(JobDefaults.DEFAULT_COALESCE);

  /** Maximum number of runs of one job that may overlap. */
  private int maxInstances = JobDefaults.DEFAULT_MAX_INSTANCES;

  /**
   * How late a run may start before it is skipped as missed. A negative value means no limit
   * (APScheduler's misfire_grace_time=None).
   */
  @SchedulerDuration
  @DurationUnit(ChronoUnit.SECONDS)
  private Duration misfireGraceTime = JobDefaults.DEFAULT_MISFIRE_GRACE_TIME;

  public SchedulerProperties.Coalesce getCoalesce() {
    return coalesce;
  }

  public void setCoalesce(SchedulerProperties.Coalesce coalesce) {
    this.coalesce = coalesce;
  }

  public int getMaxInstances() {
    return maxInstances;
  }

  public void setMaxInstances(int maxInstances) {
    this.maxInstances = maxInstances;
  }

  public Duration getMisfireGraceTime() {
    return misfireGraceTime;
  }

  public void setMisfireGraceTime(Duration misfireGraceTime) {
    this.misfireGraceTime = misfireGraceTime;
  }
}
