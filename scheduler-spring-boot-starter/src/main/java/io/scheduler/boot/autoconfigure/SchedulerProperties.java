package io.scheduler.boot.autoconfigure;

import io.scheduler.SchedulerBuilder;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.JobSpec;
import io.scheduler.store.jdbc.InitializeSchema;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration of the scheduler under {@code scheduler.*}. Defaults are the core's {@code
 * DEFAULT_*} constants. Durations without a unit are seconds (APScheduler's unit).
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
   * redis), 'table-prefix' and 'initialize-schema' (jdbc) and 'key-prefix' (redis).
   */
  private final Map<String, JobStore> jobstores = new LinkedHashMap<>();

  /**
   * Executors by alias. Jobs use the 'default' executor unless they name another; without a
   * 'default' entry, a pool of 10 threads is added under that alias. Each entry takes 'type'
   * (thread-pool, virtual-threads or direct), 'max-workers' and 'thread-name-prefix'.
   */
  private final Map<String, Executor> executors = new LinkedHashMap<>();

  /** Options of jobs that do not set their own. */
  private final JobDefaults jobDefaults = new JobDefaults();

  /**
   * Jobs declared in configuration, by job id. Each entry takes 'task' (a task reference), one of
   * 'cron', 'interval' or 'trigger' (an alias with 'trigger-options'), and optionally 'args',
   * 'kwargs', 'name', 'misfire-grace-time', 'coalesce', 'max-instances', 'jobstore', 'executor' and
   * 'paused'. They replace jobs with the same id when the scheduler starts.
   */
  private final Map<String, Job> jobs = new LinkedHashMap<>();

  /** Shutdown settings. */
  private final Shutdown shutdown = new Shutdown();

  /** Settings shared by 'jdbc' job stores. */
  private final Jdbc jdbc = new Jdbc();

  /**
   * Returns whether the auto-configuration is enabled.
   *
   * @return whether enabled
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets whether the auto-configuration is enabled.
   *
   * @param enabled whether enabled
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Returns the default time zone, or {@code null} for the clock's zone.
   *
   * @return the zone
   */
  public @Nullable ZoneId getTimezone() {
    return timezone;
  }

  /**
   * Sets the default time zone.
   *
   * @param timezone the zone, or {@code null} for the clock's zone
   */
  public void setTimezone(@Nullable ZoneId timezone) {
    this.timezone = timezone;
  }

  /**
   * Returns whether the scheduler starts with the application context.
   *
   * @return whether it starts automatically
   */
  public boolean isAutoStartup() {
    return autoStartup;
  }

  /**
   * Sets whether the scheduler starts with the application context.
   *
   * @param autoStartup whether it starts automatically
   */
  public void setAutoStartup(boolean autoStartup) {
    this.autoStartup = autoStartup;
  }

  /**
   * Returns the delay before the scheduler starts.
   *
   * @return the delay
   */
  public Duration getStartupDelay() {
    return startupDelay;
  }

  /**
   * Sets the delay before the scheduler starts.
   *
   * @param startupDelay the delay
   */
  public void setStartupDelay(Duration startupDelay) {
    this.startupDelay = startupDelay;
  }

  /**
   * Returns the prefix of the scheduler thread's name.
   *
   * @return the prefix
   */
  public String getThreadNamePrefix() {
    return threadNamePrefix;
  }

  /**
   * Sets the prefix of the scheduler thread's name.
   *
   * @param threadNamePrefix the prefix
   */
  public void setThreadNamePrefix(String threadNamePrefix) {
    this.threadNamePrefix = threadNamePrefix;
  }

  /**
   * Returns whether the scheduler's thread is a daemon thread.
   *
   * @return whether it is a daemon
   */
  public boolean isDaemon() {
    return daemon;
  }

  /**
   * Sets whether the scheduler's thread is a daemon thread.
   *
   * @param daemon whether it is a daemon
   */
  public void setDaemon(boolean daemon) {
    this.daemon = daemon;
  }

  /**
   * Returns the job stores by alias.
   *
   * @return the stores, modifiable
   */
  public Map<String, JobStore> getJobstores() {
    return jobstores;
  }

  /**
   * Returns the executors by alias.
   *
   * @return the executors, modifiable
   */
  public Map<String, Executor> getExecutors() {
    return executors;
  }

  /**
   * Returns the job defaults.
   *
   * @return the defaults
   */
  public JobDefaults getJobDefaults() {
    return jobDefaults;
  }

  /**
   * Returns the declared jobs by id.
   *
   * @return the jobs, modifiable
   */
  public Map<String, Job> getJobs() {
    return jobs;
  }

  /**
   * Returns the shutdown settings.
   *
   * @return the settings
   */
  public Shutdown getShutdown() {
    return shutdown;
  }

  /**
   * Returns the settings shared by JDBC stores.
   *
   * @return the settings
   */
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

  /** One job store, {@code scheduler.jobstores.<alias>.*}. */
  public static class JobStore {

    /** Type of the store. */
    private JobStoreType type = JobStoreType.MEMORY;

    /**
     * Prefix of the table names of a 'jdbc' store; letters, digits and underscores. Defaults to
     * 'scheduler_'.
     */
    private @Nullable String tablePrefix;

    /** When a 'jdbc' store creates its tables. Defaults to 'scheduler.jdbc.initialize-schema'. */
    private @Nullable InitializeSchema initializeSchema;

    /** Prefix of the keys of a 'redis' store. Defaults to 'scheduler:'. */
    private @Nullable String keyPrefix;

    /**
     * Returns the type.
     *
     * @return the type
     */
    public JobStoreType getType() {
      return type;
    }

    /**
     * Sets the type.
     *
     * @param type the type
     */
    public void setType(JobStoreType type) {
      this.type = type;
    }

    /**
     * Returns the table prefix, or {@code null} for the store's default.
     *
     * @return the prefix
     */
    public @Nullable String getTablePrefix() {
      return tablePrefix;
    }

    /**
     * Sets the table prefix of a JDBC store.
     *
     * @param tablePrefix the prefix
     */
    public void setTablePrefix(@Nullable String tablePrefix) {
      this.tablePrefix = tablePrefix;
    }

    /**
     * Returns when the tables are created, or {@code null} for {@code
     * scheduler.jdbc.initialize-schema}.
     *
     * @return the mode
     */
    public @Nullable InitializeSchema getInitializeSchema() {
      return initializeSchema;
    }

    /**
     * Sets when the tables of a JDBC store are created.
     *
     * @param initializeSchema the mode
     */
    public void setInitializeSchema(@Nullable InitializeSchema initializeSchema) {
      this.initializeSchema = initializeSchema;
    }

    /**
     * Returns the key prefix, or {@code null} for the store's default.
     *
     * @return the prefix
     */
    public @Nullable String getKeyPrefix() {
      return keyPrefix;
    }

    /**
     * Sets the key prefix of a Redis store.
     *
     * @param keyPrefix the prefix
     */
    public void setKeyPrefix(@Nullable String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }
  }

  /** One executor, {@code scheduler.executors.<alias>.*}. */
  public static class Executor {

    /** Type of the executor. */
    private ExecutorType type = ExecutorType.THREAD_POOL;

    /**
     * Maximum number of runs at once. Defaults to 10 for 'thread-pool' and to no limit for
     * 'virtual-threads'; 'direct' takes none.
     */
    private @Nullable Integer maxWorkers;

    /**
     * Prefix of the names of the executor's threads. Defaults to 'scheduler-', the alias and '-'.
     */
    private @Nullable String threadNamePrefix;

    /**
     * Returns the type.
     *
     * @return the type
     */
    public ExecutorType getType() {
      return type;
    }

    /**
     * Sets the type.
     *
     * @param type the type
     */
    public void setType(ExecutorType type) {
      this.type = type;
    }

    /**
     * Returns the maximum number of runs at once, or {@code null} for the type's default ({@value
     * JobExecutors#DEFAULT_MAX_WORKERS} threads in a pool, no limit for virtual threads).
     *
     * @return the limit
     */
    public @Nullable Integer getMaxWorkers() {
      return maxWorkers;
    }

    /**
     * Sets the maximum number of runs at once.
     *
     * @param maxWorkers a positive limit
     */
    public void setMaxWorkers(@Nullable Integer maxWorkers) {
      this.maxWorkers = maxWorkers;
    }

    /**
     * Returns the thread-name prefix, or {@code null} for {@code scheduler-<alias>-}.
     *
     * @return the prefix
     */
    public @Nullable String getThreadNamePrefix() {
      return threadNamePrefix;
    }

    /**
     * Sets the thread-name prefix.
     *
     * @param threadNamePrefix the prefix
     */
    public void setThreadNamePrefix(@Nullable String threadNamePrefix) {
      this.threadNamePrefix = threadNamePrefix;
    }
  }

  /** Options of jobs that do not set their own, {@code scheduler.job-defaults.*}. */
  public static class JobDefaults {

    /**
     * What to do with several overdue runs of one job: 'true' or 'latest' runs once for the latest
     * time, 'earliest' once for the earliest, 'false' or 'all' runs for each.
     */
    private Coalesce coalesce = Coalesce.of(io.scheduler.job.JobDefaults.DEFAULT_COALESCE);

    /** Maximum number of runs of one job that may overlap. */
    private int maxInstances = io.scheduler.job.JobDefaults.DEFAULT_MAX_INSTANCES;

    /**
     * How late a run may start before it is skipped as missed. A negative value means no limit
     * (APScheduler's misfire_grace_time=None).
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration misfireGraceTime = io.scheduler.job.JobDefaults.DEFAULT_MISFIRE_GRACE_TIME;

    /**
     * Returns the coalesce policy.
     *
     * @return the policy
     */
    public Coalesce getCoalesce() {
      return coalesce;
    }

    /**
     * Sets the coalesce policy.
     *
     * @param coalesce the policy
     */
    public void setCoalesce(Coalesce coalesce) {
      this.coalesce = coalesce;
    }

    /**
     * Returns how many runs of one job may overlap.
     *
     * @return the limit
     */
    public int getMaxInstances() {
      return maxInstances;
    }

    /**
     * Sets how many runs of one job may overlap.
     *
     * @param maxInstances a positive limit
     */
    public void setMaxInstances(int maxInstances) {
      this.maxInstances = maxInstances;
    }

    /**
     * Returns the misfire grace time; negative means no limit.
     *
     * @return the grace time
     */
    public Duration getMisfireGraceTime() {
      return misfireGraceTime;
    }

    /**
     * Sets the misfire grace time.
     *
     * @param misfireGraceTime a positive duration, or a negative one for no limit
     */
    public void setMisfireGraceTime(Duration misfireGraceTime) {
      this.misfireGraceTime = misfireGraceTime;
    }
  }

  /**
   * One job declared in configuration, {@code scheduler.jobs.<id>.*}. Give the trigger in exactly
   * one way: {@code cron} (an expression), {@code interval} (a duration) or {@code trigger} (an
   * alias); {@code trigger-options} adds APScheduler's trigger options to any of them, such as
   * {@code start-date}, {@code end-date}, {@code timezone} or {@code jitter}, or, with {@code
   * trigger: cron}, the cron fields {@code day-of-week}, {@code hour}, ... ({@code and} and {@code
   * or} triggers need trigger objects and cannot be declared here).
   */
  public static class Job {

    /**
     * Task reference: 'bean:beanName#method' for a bean method or 'com.example.Type::method' for a
     * public static method.
     */
    private @Nullable String task;

    /**
     * Cron expression: 5 fields (crontab), 6 fields (Spring's dialect, seconds first) or a macro
     * such as '@daily'.
     */
    private @Nullable String cron;

    /** Time between runs. */
    @DurationUnit(ChronoUnit.SECONDS)
    private @Nullable Duration interval;

    /** Trigger alias: 'date', 'interval', 'cron' or 'calendarinterval'. */
    private @Nullable String trigger;

    /**
     * Trigger options by APScheduler name (kebab-case, snake_case or camelCase), such as
     * 'day-of-week', 'hour', 'run-date', 'start-date', 'timezone' or 'jitter'.
     */
    private final Map<String, String> triggerOptions = new LinkedHashMap<>();

    /**
     * Positional arguments of the task method (a list, or comma-separated), converted to the
     * parameter types as JSON would be.
     */
    private final List<String> args = new ArrayList<>();

    /** Keyword arguments of the task method, by parameter name. */
    private final Map<String, String> kwargs = new LinkedHashMap<>();

    /** Display name of the job. Defaults to the task reference. */
    private @Nullable String name;

    /**
     * How late a run may start before it is skipped as missed; a negative value means no limit.
     * Defaults to 'scheduler.job-defaults.misfire-grace-time'.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private @Nullable Duration misfireGraceTime;

    /** What to do with several overdue runs. Defaults to 'scheduler.job-defaults.coalesce'. */
    private @Nullable Coalesce coalesce;

    /** Maximum number of overlapping runs. Defaults to 'scheduler.job-defaults.max-instances'. */
    private @Nullable Integer maxInstances;

    /** Alias of the job store that keeps the job. */
    private String jobstore = JobSpec.DEFAULT_ALIAS;

    /** Alias of the executor that runs the job. */
    private String executor = JobSpec.DEFAULT_ALIAS;

    /** Whether to add the job paused, without a next run time. */
    private boolean paused;

    /**
     * Returns the task reference text.
     *
     * @return the reference, or {@code null} when not set
     */
    public @Nullable String getTask() {
      return task;
    }

    /**
     * Sets the task reference text.
     *
     * @param task the reference
     */
    public void setTask(@Nullable String task) {
      this.task = task;
    }

    /**
     * Returns the cron expression.
     *
     * @return the expression, or {@code null}
     */
    public @Nullable String getCron() {
      return cron;
    }

    /**
     * Sets the cron expression.
     *
     * @param cron the expression
     */
    public void setCron(@Nullable String cron) {
      this.cron = cron;
    }

    /**
     * Returns the interval.
     *
     * @return the interval, or {@code null}
     */
    public @Nullable Duration getInterval() {
      return interval;
    }

    /**
     * Sets the interval.
     *
     * @param interval a positive duration
     */
    public void setInterval(@Nullable Duration interval) {
      this.interval = interval;
    }

    /**
     * Returns the trigger alias.
     *
     * @return the alias, or {@code null}
     */
    public @Nullable String getTrigger() {
      return trigger;
    }

    /**
     * Sets the trigger alias.
     *
     * @param trigger the alias
     */
    public void setTrigger(@Nullable String trigger) {
      this.trigger = trigger;
    }

    /**
     * Returns the trigger options.
     *
     * @return the options, modifiable
     */
    public Map<String, String> getTriggerOptions() {
      return triggerOptions;
    }

    /**
     * Returns the positional arguments.
     *
     * @return the args, modifiable
     */
    public List<String> getArgs() {
      return args;
    }

    /**
     * Returns the keyword arguments.
     *
     * @return the kwargs, modifiable
     */
    public Map<String, String> getKwargs() {
      return kwargs;
    }

    /**
     * Returns the display name.
     *
     * @return the name, or {@code null}
     */
    public @Nullable String getName() {
      return name;
    }

    /**
     * Sets the display name.
     *
     * @param name the name
     */
    public void setName(@Nullable String name) {
      this.name = name;
    }

    /**
     * Returns the misfire grace time.
     *
     * @return the grace time, or {@code null} for the default
     */
    public @Nullable Duration getMisfireGraceTime() {
      return misfireGraceTime;
    }

    /**
     * Sets the misfire grace time.
     *
     * @param misfireGraceTime a positive duration, or a negative one for no limit
     */
    public void setMisfireGraceTime(@Nullable Duration misfireGraceTime) {
      this.misfireGraceTime = misfireGraceTime;
    }

    /**
     * Returns the coalesce policy.
     *
     * @return the policy, or {@code null} for the default
     */
    public @Nullable Coalesce getCoalesce() {
      return coalesce;
    }

    /**
     * Sets the coalesce policy.
     *
     * @param coalesce the policy
     */
    public void setCoalesce(@Nullable Coalesce coalesce) {
      this.coalesce = coalesce;
    }

    /**
     * Returns the instance limit.
     *
     * @return the limit, or {@code null} for the default
     */
    public @Nullable Integer getMaxInstances() {
      return maxInstances;
    }

    /**
     * Sets the instance limit.
     *
     * @param maxInstances a positive limit
     */
    public void setMaxInstances(@Nullable Integer maxInstances) {
      this.maxInstances = maxInstances;
    }

    /**
     * Returns the job store alias.
     *
     * @return the alias
     */
    public String getJobstore() {
      return jobstore;
    }

    /**
     * Sets the job store alias.
     *
     * @param jobstore the alias
     */
    public void setJobstore(String jobstore) {
      this.jobstore = jobstore;
    }

    /**
     * Returns the executor alias.
     *
     * @return the alias
     */
    public String getExecutor() {
      return executor;
    }

    /**
     * Sets the executor alias.
     *
     * @param executor the alias
     */
    public void setExecutor(String executor) {
      this.executor = executor;
    }

    /**
     * Returns whether the job is added paused.
     *
     * @return whether paused
     */
    public boolean isPaused() {
      return paused;
    }

    /**
     * Sets whether the job is added paused.
     *
     * @param paused whether paused
     */
    public void setPaused(boolean paused) {
      this.paused = paused;
    }
  }

  /** Shutdown settings, {@code scheduler.shutdown.*}. */
  public static class Shutdown {

    /** Whether shutdown waits for running jobs. */
    private boolean wait = true;

    /** Maximum time shutdown waits for running jobs; jobs still running then are interrupted. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration timeout = SchedulerBuilder.DEFAULT_SHUTDOWN_TIMEOUT;

    /**
     * Returns whether shutdown waits for running jobs.
     *
     * @return whether it waits
     */
    public boolean isWait() {
      return wait;
    }

    /**
     * Sets whether shutdown waits for running jobs.
     *
     * @param wait whether it waits
     */
    public void setWait(boolean wait) {
      this.wait = wait;
    }

    /**
     * Returns how long shutdown waits for running jobs.
     *
     * @return the timeout
     */
    public Duration getTimeout() {
      return timeout;
    }

    /**
     * Sets how long shutdown waits for running jobs.
     *
     * @param timeout a positive duration
     */
    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** Settings shared by JDBC job stores, {@code scheduler.jdbc.*}. */
  public static class Jdbc {

    /** When 'jdbc' stores that do not set their own mode create their tables. */
    private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

    /**
     * Returns when JDBC stores create their tables.
     *
     * @return the mode
     */
    public InitializeSchema getInitializeSchema() {
      return initializeSchema;
    }

    /**
     * Sets when JDBC stores create their tables.
     *
     * @param initializeSchema the mode
     */
    public void setInitializeSchema(InitializeSchema initializeSchema) {
      this.initializeSchema = initializeSchema;
    }
  }
}
