package io.scheduler.sample;

import io.scheduler.Scheduler;
import io.scheduler.event.EventType;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Schedules a job for every configured trigger, plus a heartbeat every 10 seconds, and starts the
 * scheduler. Each run logs its scheduled time; missed runs and errors are logged by a listener.
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
   * @param scheduler the scheduler to add them to
   * @param preview builds triggers from their configuration
   * @param properties the configured triggers
   */
  public SampleJobs(
      Scheduler scheduler, TriggerPreview preview, SampleTriggersProperties properties) {
    this.scheduler = scheduler;
    this.preview = preview;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    scheduler.addListener(
        event -> log.warn("{}", event), EventType.JOB_MISSED, EventType.JOB_ERROR);
    scheduler.addJob(
        JobSpec.builder()
            .id("heartbeat")
            .trigger("interval", Map.of("seconds", 10))
            .task(SampleJobs::logRun)
            .build());
    properties
        .triggers()
        .forEach(
            (name, definition) ->
                scheduler.addJob(
                    JobSpec.builder()
                        .id(name)
                        .trigger(preview.build(definition))
                        .task(SampleJobs::logRun)
                        .build()));
    scheduler.start();
    scheduler.printJobs(new LogAppendable());
  }

  private static Object logRun(TaskContext context) {
    log.info("job {} runs for {}", context.jobId(), context.scheduledRunTime());
    return null;
  }

  /** Sends the scheduler's job listing to the log, line by line. */
  private static final class LogAppendable implements Appendable {
    private final StringBuilder line = new StringBuilder();

    @Override
    public Appendable append(CharSequence text) {
      for (int i = 0; i < text.length(); i++) {
        append(text.charAt(i));
      }
      return this;
    }

    @Override
    public Appendable append(CharSequence text, int start, int end) {
      return append(text.subSequence(start, end));
    }

    @Override
    public Appendable append(char c) {
      if (c == '\n') {
        log.info("{}", line);
        line.setLength(0);
      } else {
        line.append(c);
      }
      return this;
    }
  }
}
