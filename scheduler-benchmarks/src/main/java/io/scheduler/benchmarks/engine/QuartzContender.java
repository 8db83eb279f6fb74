package io.scheduler.benchmarks.engine;

import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz in memory: {@code RAMJobStore} and an 8-thread {@code SimpleThreadPool}, configured with
 * the {@link Properties} of {@link #settings()}.
 *
 * <p>Each scheduled task becomes one {@link JobDetail} (holding the {@link Runnable} in its job
 * data map) and one one-shot simple trigger at the run instant, with millisecond precision (Quartz
 * keeps {@link Date}s). Keys come from a counter: Quartz would otherwise generate a random UUID per
 * job and per trigger. A late trigger fires now rather than being dropped, like every other
 * contender.
 */
final class QuartzContender implements Contender {

  private static final String TASK = "task";

  private final Scheduler scheduler;
  private long sequence;

  QuartzContender() {
    try {
      scheduler = new StdSchedulerFactory(settings()).getScheduler();
    } catch (SchedulerException e) {
      throw new IllegalStateException("Quartz rejected the benchmark settings", e);
    }
  }

  /** The scheduler settings; everything not listed keeps Quartz's default. */
  private static Properties settings() {
    Properties settings = new Properties();
    settings.setProperty("org.quartz.scheduler.instanceName", "engine-benchmark");
    // Quartz 2.5 no longer has an update checker; this keeps older versions from calling home.
    settings.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    // Instantiates TaskJob by its constructor only, without copying job data into bean properties.
    settings.setProperty(
        "org.quartz.scheduler.jobFactory.class", "org.quartz.simpl.SimpleJobFactory");
    // The scheduler thread hands out up to one trigger per free worker per pass; the default is 1.
    settings.setProperty(
        "org.quartz.scheduler.batchTriggerAcquisitionMaxCount",
        Integer.toString(Contenders.WORKERS));
    settings.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    settings.setProperty("org.quartz.threadPool.threadCount", Integer.toString(Contenders.WORKERS));
    settings.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    // Quartz's default, stated: a trigger later than this is a misfire (handled as fire-now).
    settings.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    return settings;
  }

  @Override
  public void start() throws SchedulerException {
    scheduler.start();
  }

  @Override
  public void schedule(Runnable task, Instant at) throws SchedulerException {
    String name = Long.toString(sequence++);
    JobDetail job = JobBuilder.newJob(TaskJob.class).withIdentity(name).build();
    job.getJobDataMap().put(TASK, task);
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(name)
            .startAt(Date.from(at))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    scheduler.scheduleJob(job, trigger);
  }

  @Override
  public void shutdown() throws SchedulerException {
    scheduler.shutdown(true);
  }

  /** The Quartz job that runs the {@link Runnable} kept in its job data map. */
  public static final class TaskJob implements Job {

    /** Called reflectively by Quartz's {@code SimpleJobFactory}, once per execution. */
    public TaskJob() {}

    @Override
    public void execute(JobExecutionContext context) {
      ((Runnable) context.getJobDetail().getJobDataMap().get(TASK)).run();
    }
  }
}
