package io.scheduler.boot.autoconfigure;

import io.scheduler.SchedulerBuilder;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.store.jdbc.InitializeSchema;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration of the scheduler under {@code scheduler.*}. Defaults are the core's {@code
 * DEFAULT_*} constants. Durations are read with the core's grammar ({@code 10s}, {@code 1.5h},
 * {@code PT10S}; without a unit they are seconds, APScheduler's unit).
 *
 * <pre>{@code
 * scheduler:
 *   timezone: Europe/Berlin
 *   executors:
 *     default: { type: thread-pool, max-workers: 20 }
 *   job-defaults: { coalesce: true, max-instances: 1, misfire-grace-time: 30s }
 *   jobs:
 *     nightly-report:
 *       task: bean:reportService#nightly
 *       cron: "0 2 * * *"
 * }</pre>
 */
@ConfigurationProperties("scheduler")
public class SchedulerProperties {

  /** Whether to enable the scheduler auto-configuration. */
  private boolean enabled = true;

  /**
   * Default time zone of triggers that do not name one, as an IANA id. Defaults to the zone of the
   * clock (the system zone unless a Clock bean says otherwise).
   */
  private @Nullable ZoneId timezone;

  /** Whether to start the scheduler automatically once the application context is refreshed. */
  private boolean autoStartup = true;

  /** Delay after the application context is refreshed before the scheduler starts. */
  @SchedulerDuration
  @DurationUnit(ChronoUnit.SECONDS)
  private Duration startupDelay = Duration.ofSeconds(0);

  /** Prefix of the name of the scheduler's own thread; the name ends in 'main'. */
  private String threadNamePrefix = SchedulerBuilder.DEFAULT_THREAD_NAME_PREFIX;

  /**
   * Whether the scheduler's own thread is a daemon thread. By default it is not, so a running
   * scheduler keeps the application alive, as Spring's own scheduling does.
   */
  private boolean daemon;

  /**
   * Job stores by alias. Jobs use the 'default' store unless they name another; without a 'default'
   * entry, a memory store is added under that alias. Each entry takes 'type' (memory, jdbc or
   * redis), 'jdbc.table-prefix' and 'jdbc.initialize-schema' (jdbc) and 'redis.key-prefix' (redis).
   */
  private final Map<String, JobStoreProperties> jobstores = new LinkedHashMap<>();

  /**
   * Executors by alias. Jobs use the 'default' executor unless they name another; without a
   * 'default' entry, a pool of 10 threads is added under that alias. Each entry takes 'type'
   * (thread-pool, virtual-threads or direct), 'max-workers' and 'thread-name-prefix'.
   */
  private final Map<String, ExecutorProperties> executors = new LinkedHashMap<>();

  /** Options of jobs that do not set their own. */
  @NestedConfigurationProperty
  private final JobDefaultsProperties jobDefaults = new JobDefaultsProperties();

  /**
   * Jobs declared in configuration, by job id. Each entry takes 'task' (a task reference), one of
   * 'cron', 'interval' or 'trigger' (an alias with 'trigger-options'), and optionally 'args',
   * 'kwargs', 'name', 'misfire-grace-time', 'coalesce', 'max-instances', 'jobstore', 'executor' and
   * 'paused'. When the scheduler starts, a stored job with the same id is reconciled with them:
   * unchanged ones keep their pause state and next run time.
   */
  private final Map<String, JobProperties> jobs = new LinkedHashMap<>();

  /** Shutdown settings. */
  private final Shutdown shutdown = new Shutdown();

  /** Settings shared by 'jdbc' job stores. */
  private final Jdbc jdbc = new Jdbc();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public @Nullable ZoneId getTimezone() {
    return timezone;
  }

  public void setTimezone(@Nullable ZoneId timezone) {
    this.timezone = timezone;
  }

  public boolean isAutoStartup() {
    return autoStartup;
  }

  public void setAutoStartup(boolean autoStartup) {
    this.autoStartup = autoStartup;
  }

  public Duration getStartupDelay() {
    return startupDelay;
  }

  public void setStartupDelay(Duration startupDelay) {
    this.startupDelay = startupDelay;
  }

  public String getThreadNamePrefix() {
    return threadNamePrefix;
  }

  public void setThreadNamePrefix(String threadNamePrefix) {
    this.threadNamePrefix = threadNamePrefix;
  }

  public boolean isDaemon() {
    return daemon;
  }

  public void setDaemon(boolean daemon) {
    this.daemon = daemon;
  }

  public Map<String, JobStoreProperties> getJobstores() {
    return jobstores;
  }

  public Map<String, ExecutorProperties> getExecutors() {
    return executors;
  }

  public JobDefaultsProperties getJobDefaults() {
    return jobDefaults;
  }

  public Map<String, JobProperties> getJobs() {
    return jobs;
  }

  public Shutdown getShutdown() {
    return shutdown;
  }

  public Jdbc getJdbc() {
    return jdbc;
  }

  /** The kinds of job store. */
  public enum JobStoreType {
    /** Jobs in memory: fast, lost on restart (APScheduler's {@code MemoryJobStore}). */
    MEMORY,
    /** Jobs in a database table, shared safely by any number of processes. */
    JDBC,
    /** Jobs in Redis, shared safely by any number of processes. */
    REDIS
  }

  /** The kinds of executor. */
  public enum ExecutorType {
    /** A pool of platform threads (APScheduler's {@code ThreadPoolExecutor}). */
    THREAD_POOL,
    /** A virtual thread per run (Java 21 or later). */
    VIRTUAL_THREADS,
    /** Runs each job on the scheduler's own thread; for tests and trivial jobs. */
    DIRECT
  }

  /**
   * What to do with several overdue runs of one job: APScheduler's boolean {@code coalesce} or a
   * {@link CoalescePolicy} name.
   */
  public enum Coalesce {
    /** APScheduler's {@code coalesce=True}: run once, for the latest overdue time. */
    TRUE(CoalescePolicy.LATEST),
    /** APScheduler's {@code coalesce=False}: run for every overdue time. */
    FALSE(CoalescePolicy.ALL),
    /** Run once, for the earliest overdue time. */
    EARLIEST(CoalescePolicy.EARLIEST),
    /** Run once, for the latest overdue time. */
    LATEST(CoalescePolicy.LATEST),
    /** Run for every overdue time. */
    ALL(CoalescePolicy.ALL);

    private final CoalescePolicy policy;

    Coalesce(CoalescePolicy policy) {
      this.policy = policy;
    }

    /**
     * Returns the core policy this value stands for.
     *
     * @return the policy
     */
    public CoalescePolicy policy() {
      return policy;
    }

    /**
     * Returns the value that names a core policy.
     *
     * @param policy the policy
     * @return {@link #EARLIEST}, {@link #LATEST} or {@link #ALL}
     */
    public static Coalesce of(CoalescePolicy policy) {
      return switch (policy) {
        case EARLIEST -> EARLIEST;
        case LATEST -> LATEST;
        case ALL -> ALL;
      };
    }
  }

  /** Shutdown settings, {@code scheduler.shutdown.*}. */
  public static class Shutdown {

    /** Whether shutdown waits for running jobs. */
    private boolean wait = true;

    /** Maximum time shutdown waits for running jobs; jobs still running then are interrupted. */
    @SchedulerDuration
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration timeout = SchedulerBuilder.DEFAULT_SHUTDOWN_TIMEOUT;

    public boolean isWait() {
      return wait;
    }

    public void setWait(boolean wait) {
      this.wait = wait;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** Settings shared by JDBC job stores, {@code scheduler.jdbc.*}. */
  public static class Jdbc {

    /** When 'jdbc' stores that do not set their own mode create their tables. */
    private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

    public InitializeSchema getInitializeSchema() {
      return initializeSchema;
    }

    public void setInitializeSchema(InitializeSchema initializeSchema) {
      this.initializeSchema = initializeSchema;
    }
  }
}
