package io.scheduler.sample;

import io.scheduler.Scheduler;
import io.scheduler.boot.annotation.ScheduledJob;
import io.scheduler.event.JobFailed;
import io.scheduler.event.JobMissed;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sample's jobs: a heartbeat every 10 seconds by annotation, {@link #cleanUp} declared in
 * {@code application.yml}, and one job per configured trigger added at runtime. Each run logs its
 * scheduled time; missed runs and errors arrive as Spring application events.
 */
@Component
public class SampleJobs implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SampleJobs.class);

  private final Scheduler scheduler;
  private final TriggerPreview preview;
  private final SampleTriggersProperties properties;

  /**
   * Creates the sample's jobs.
   *
   * @param scheduler the starter's scheduler
   * @param preview builds triggers from their configuration
   * @param properties the configured triggers
   */
  public SampleJobs(
      Scheduler scheduler, TriggerPreview preview, SampleTriggersProperties properties) {
    this.scheduler = scheduler;
    this.preview = preview;
    this.properties = properties;
  }

  /**
   * Logs a heartbeat every 10 seconds.
   *
   * @param context the run
   */
  @ScheduledJob(id = "heartbeat", interval = "10s")
  public void heartbeat(TaskContext context) {
    logRun(context);
  }

  /**
   * The nightly clean-up declared under {@code scheduler.jobs.nightly-cleanup}.
   *
   * @param context the run
   */
  public void cleanUp(TaskContext context) {
    logRun(context);
  }

  /**
   * Logs a run of a job added for a configured trigger.
   *
   * @param context the run
   */
  public void logRun(TaskContext context) {
    log.info("job {} runs for {}", context.jobId(), context.scheduledRunTime());
  }

  @Override
  public void run(ApplicationArguments args) {
    properties
        .triggers()
        .forEach(
            (name, definition) ->
                scheduler.addJob(
                    JobSpec.builder()
                        .id(name)
                        .trigger(preview.build(definition))
                        .task("bean:sampleJobs#logRun")
                        .replaceExisting(true)
                        .build()));
    StringBuilder listing = new StringBuilder();
    scheduler.printJobs(listing);
    log.info("Scheduled jobs:\n{}", listing);
  }

  /**
   * Logs a run that was later than its misfire grace time.
   *
   * @param missed the event
   */
  @EventListener
  public void onMissed(JobMissed missed) {
    log.warn("job {} missed its run at {}", missed.jobId(), missed.scheduledRunTime());
  }

  /**
   * Logs a run that failed.
   *
   * @param failed the event
   */
  @EventListener
  public void onFailed(JobFailed failed) {
    log.warn("job {} failed: {}", failed.jobId(), failed.exception().toString());
  }
}
