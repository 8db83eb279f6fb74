package io.scheduler.benchmarks.persistent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
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
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz on its JDBC job store, clustered: {@code JobStoreTX} with {@code PostgreSQLDelegate},
 * {@code isClustered} true, a 1 s cluster check-in and a 1 s idle wait (how long the scheduler
 * thread sleeps before it looks for triggers again, Quartz's poll), {@value Contenders#WORKERS}
 * worker threads, up to one trigger per worker acquired per pass (within the lock, as Quartz
 * advises for batches on a JDBC store) and the benchmark's connection pool, registered as a Quartz
 * connection provider. The misfire threshold is 10 minutes: a 20,000-job backlog takes minutes to
 * drain, and below the threshold late triggers are run in order rather than handed to the misfire
 * handler. A client is the same scheduler never started (standby): it only stores jobs.
 *
 * <p>Each job is one non-durable {@link JobDetail} named by the job id and one one-shot simple
 * trigger at the run instant (fire now on misfire). Tables come from the Quartz jar's {@code
 * tables_postgres.sql}. Batches go through {@code scheduleJobs}.
 */
final class QuartzJdbcContender implements Contender {

  private static final String DATA_SOURCE = "benchmark";
  private static final String TABLES = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

  private final Scheduler scheduler;
  private final boolean runsJobs;

  QuartzJdbcContender(DataSource dataSource, boolean runsJobs) throws SchedulerException {
    this.runsJobs = runsJobs;
    DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new Pool(dataSource));
    scheduler = new StdSchedulerFactory(settings()).getScheduler();
  }

  /** The scheduler settings; everything not listed keeps Quartz's default. */
  private static Properties settings() {
    Properties settings = new Properties();
    settings.setProperty("org.quartz.scheduler.instanceName", "persistent-benchmark");
    settings.setProperty("org.quartz.scheduler.instanceId", "AUTO");
    settings.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    settings.setProperty(
        "org.quartz.scheduler.jobFactory.class", "org.quartz.simpl.SimpleJobFactory");
    settings.setProperty(
        "org.quartz.scheduler.batchTriggerAcquisitionMaxCount",
        Integer.toString(Contenders.WORKERS));
    settings.setProperty(
        "org.quartz.scheduler.idleWaitTime", Long.toString(Contenders.POLL_INTERVAL.toMillis()));
    settings.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    settings.setProperty("org.quartz.threadPool.threadCount", Integer.toString(Contenders.WORKERS));
    settings.setProperty("org.quartz.jobStore.class", JobStoreTX.class.getName());
    settings.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    settings.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
    settings.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    settings.setProperty("org.quartz.jobStore.isClustered", "true");
    settings.setProperty(
        "org.quartz.jobStore.clusterCheckinInterval",
        Long.toString(Contenders.POLL_INTERVAL.toMillis()));
    settings.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    settings.setProperty("org.quartz.jobStore.misfireThreshold", "600000");
    return settings;
  }

  static void createTables(DataSource dataSource) throws Exception {
    String script;
    try (InputStream in = Scheduler.class.getClassLoader().getResourceAsStream(TABLES)) {
      if (in == null) {
        throw new IOException(TABLES + " is not on the class path");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Database.runScript(dataSource, script);
  }

  @Override
  public void start() throws SchedulerException {
    if (runsJobs) {
      scheduler.start();
    }
  }

  @Override
  public void add(List<DueJob> jobs) throws SchedulerException {
    Map<JobDetail, Set<? extends Trigger>> batch = new LinkedHashMap<>();
    for (DueJob job : jobs) {
      batch.put(detail(job), Set.of(trigger(job)));
    }
    scheduler.scheduleJobs(batch, false);
  }

  @Override
  public void add(DueJob job) throws SchedulerException {
    scheduler.scheduleJob(detail(job), trigger(job));
  }

  private static JobDetail detail(DueJob job) {
    return JobBuilder.newJob(RecordingJob.class).withIdentity(job.id()).build();
  }

  private static Trigger trigger(DueJob job) {
    return TriggerBuilder.newTrigger()
        .withIdentity(job.id())
        .forJob(job.id())
        .startAt(Date.from(job.at()))
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
  }

  @Override
  public void shutdown() throws SchedulerException {
    scheduler.shutdown(true);
  }

  /** The Quartz job: reports its name and scheduled fire time to the {@link Recorder}. */
  public static final class RecordingJob implements Job {

    /** Called reflectively by Quartz's {@code SimpleJobFactory}, once per execution. */
    public RecordingJob() {}

    @Override
    public void execute(JobExecutionContext context) {
      Recorder.ran(
          context.getJobDetail().getKey().getName(), context.getScheduledFireTime().toInstant());
    }
  }

  /** The benchmark's pool as a Quartz connection provider; the workload closes the pool. */
  private static final class Pool implements ConnectionProvider {

    private final DataSource dataSource;

    Pool(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void initialize() {}

    @Override
    public void shutdown() {}
  }
}
