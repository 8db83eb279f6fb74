package io.scheduler;

import static io.scheduler.internal.Require.requireArgument;
import static io.scheduler.internal.Require.requireNonNull;
import static io.scheduler.internal.Require.requirePositive;

import io.scheduler.event.EventType;
import io.scheduler.event.SchedulerListener;
import io.scheduler.executor.JobExecutor;
import io.scheduler.internal.engine.SchedulerConfig;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobRunObserver;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Configures a scheduler; obtained from {@link BackgroundScheduler#builder()}, {@link
 * BlockingScheduler#builder()} or the test kit's {@code ManualScheduler.builder(clock)}. Every
 * setting is optional: without stores and executors, the scheduler adds a memory store and a thread
 * pool of {@value io.scheduler.executor.JobExecutors#DEFAULT_MAX_WORKERS} workers under the alias
 * {@code default} when it starts.
 *
 * @param <S> the kind of scheduler built
 */
public final class SchedulerBuilder<S extends Scheduler> {

  /** How long {@code shutdown(true)} waits for running jobs before interrupting them. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  /** How soon a store that failed to return due jobs is asked again (APScheduler's 10 s). */
  public static final Duration DEFAULT_JOBSTORE_RETRY_INTERVAL = Duration.ofSeconds(10);

  /** The start of the names of the threads the scheduler creates. */
  public static final String DEFAULT_THREAD_NAME_PREFIX = "scheduler-";

  private final Function<SchedulerConfig, S> factory;
  private final Supplier<JobExecutor> defaultExecutor;
  private @Nullable Clock clock;
  private @Nullable ZoneId timezone;
  private final Map<String, JobStore> jobStores = new LinkedHashMap<>();
  private final Map<String, JobExecutor> executors = new LinkedHashMap<>();
  private final List<Map.Entry<SchedulerListener, EventType[]>> listeners = new ArrayList<>();
  private final List<JobRunObserver> runObservers = new ArrayList<>();
  private JobDefaults jobDefaults = JobDefaults.ofDefaults();
  private TaskResolver taskResolver = TaskResolver.staticMethods();
  private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
  private Duration jobStoreRetryInterval = DEFAULT_JOBSTORE_RETRY_INTERVAL;
  private String threadNamePrefix = DEFAULT_THREAD_NAME_PREFIX;
  private boolean daemon = true;
  private @Nullable String schedulerId;

  SchedulerBuilder(Function<SchedulerConfig, S> factory, Supplier<JobExecutor> defaultExecutor) {
    this.factory = requireNonNull(factory, "factory");
    this.defaultExecutor = requireNonNull(defaultExecutor, "defaultExecutor");
  }

  /**
   * Not an API: how scheduler-core's test kit ({@code ManualScheduler}) gets its builder. The
   * factory's parameter, {@link SchedulerConfig}, is internal to scheduler-core.
   *
   * @param factory creates the scheduler from the built configuration
   * @param defaultExecutor creates the executor added as {@code default} when none is configured
   * @param <S> the kind of scheduler built
   * @return a new builder
   */
  public static <S extends Scheduler> SchedulerBuilder<S> forEngine(
      Function<SchedulerConfig, S> factory, Supplier<JobExecutor> defaultExecutor) {
    return new SchedulerBuilder<>(factory, defaultExecutor);
  }

  /**
   * Sets the clock every time is read from (default: the system clock in the default zone).
   *
   * @param clock the clock
   * @return this builder
   */
  public SchedulerBuilder<S> clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets the default time zone for triggers given by alias (default: the clock's zone).
   *
   * @param timezone the zone
   * @return this builder
   */
  public SchedulerBuilder<S> timezone(ZoneId timezone) {
    this.timezone = requireNonNull(timezone, "timezone");
    return this;
  }

  /**
   * Adds a job store.
   *
   * @param alias the alias jobs name
   * @param store the store
   * @return this builder
   */
  public SchedulerBuilder<S> jobStore(String alias, JobStore store) {
    checkAlias("jobStore", alias, jobStores);
    jobStores.put(alias, requireNonNull(store, "store"));
    return this;
  }

  /**
   * Adds an executor.
   *
   * @param alias the alias jobs name
   * @param executor the executor
   * @return this builder
   */
  public SchedulerBuilder<S> executor(String alias, JobExecutor executor) {
    checkAlias("executor", alias, executors);
    executors.put(alias, requireNonNull(executor, "executor"));
    return this;
  }

  /**
   * Sets the options for jobs that do not set their own.
   *
   * @param jobDefaults the defaults
   * @return this builder
   */
  public SchedulerBuilder<S> jobDefaults(JobDefaults jobDefaults) {
    this.jobDefaults = requireNonNull(jobDefaults, "jobDefaults");
    return this;
  }

  /**
   * Sets how task references are resolved (default: {@link TaskResolver#staticMethods()}).
   *
   * @param taskResolver the resolver
   * @return this builder
   */
  public SchedulerBuilder<S> taskResolver(TaskResolver taskResolver) {
    this.taskResolver = requireNonNull(taskResolver, "taskResolver");
    return this;
  }

  /**
   * Adds a listener from the start, so it also sees the events of {@code start()}.
   *
   * @param listener the listener
   * @param types the event types it receives (all when none are given)
   * @return this builder
   */
  public SchedulerBuilder<S> listener(SchedulerListener listener, EventType... types) {
    listeners.add(Map.entry(requireNonNull(listener, "listener"), types.clone()));
    return this;
  }

  /**
   * Adds an observer of every job run (timers, tracing spans, logging context), called on the
   * thread that runs the job, in the order added.
   *
   * @param observer the observer
   * @return this builder
   */
  public SchedulerBuilder<S> runObserver(JobRunObserver observer) {
    runObservers.add(requireNonNull(observer, "observer"));
    return this;
  }

  /**
   * Sets how long {@code shutdown(true)} waits for running jobs before interrupting them.
   *
   * @param shutdownTimeout a positive duration
   * @return this builder
   */
  public SchedulerBuilder<S> shutdownTimeout(Duration shutdownTimeout) {
    this.shutdownTimeout = requirePositive(shutdownTimeout, "shutdownTimeout");
    return this;
  }

  /**
   * Sets how soon a store that failed is asked for due jobs again.
   *
   * @param jobStoreRetryInterval a positive duration
   * @return this builder
   */
  public SchedulerBuilder<S> jobStoreRetryInterval(Duration jobStoreRetryInterval) {
    this.jobStoreRetryInterval = requirePositive(jobStoreRetryInterval, "jobStoreRetryInterval");
    return this;
  }

  /**
   * Sets the start of the scheduler thread's name (the thread is {@code <prefix>main}).
   *
   * @param threadNamePrefix a non-empty prefix
   * @return this builder
   */
  public SchedulerBuilder<S> threadNamePrefix(String threadNamePrefix) {
    requireArgument(
        threadNamePrefix != null && !threadNamePrefix.isEmpty(),
        "threadNamePrefix must not be empty, but was '%s'",
        threadNamePrefix);
    this.threadNamePrefix = threadNamePrefix;
    return this;
  }

  /**
   * Sets this scheduler's id among all schedulers that share a job store: the owner recorded on its
   * acquisitions and run claims. Each must have its own (default: host name, process id and a
   * random part).
   *
   * @param schedulerId a non-blank id of at most 128 characters
   * @return this builder
   */
  public SchedulerBuilder<S> schedulerId(String schedulerId) {
    requireArgument(
        schedulerId != null && !schedulerId.isBlank() && schedulerId.length() <= 128,
        "schedulerId must be non-blank and at most 128 characters, but was '%s'",
        schedulerId);
    this.schedulerId = schedulerId;
    return this;
  }

  /**
   * Sets whether the background scheduler's thread is a daemon (default true, as APScheduler's), so
   * it does not keep the JVM alive.
   *
   * @param daemon whether the thread is a daemon
   * @return this builder
   */
  public SchedulerBuilder<S> daemon(boolean daemon) {
    this.daemon = daemon;
    return this;
  }

  /**
   * Applies configuration from a flat map, APScheduler's {@code configure(gconfig, prefix)}: keys
   * starting with {@code scheduler.} are read, others ignored. Keys may be kebab-case, snake_case
   * or camelCase.
   *
   * <ul>
   *   <li>{@code scheduler.timezone}: an IANA zone id
   *   <li>{@code scheduler.job-defaults.coalesce}: {@code true}, {@code false}, {@code earliest},
   *       {@code latest} or {@code all}
   *   <li>{@code scheduler.job-defaults.max-instances}: a positive integer
   *   <li>{@code scheduler.job-defaults.misfire-grace-time}: a duration ({@code 1}, {@code 30s},
   *       {@code PT1M}) or {@code none} for no limit
   *   <li>{@code scheduler.jobstores.<alias>.type}: {@code memory}
   *   <li>{@code scheduler.executors.<alias>.type}: {@code thread-pool} (default), {@code
   *       virtual-threads} or {@code direct}; with {@code max-workers} and {@code
   *       thread-name-prefix}
   *   <li>{@code scheduler.shutdown-timeout}, {@code scheduler.jobstore-retry-interval}: durations
   *   <li>{@code scheduler.thread-name-prefix}, {@code scheduler.daemon}
   * </ul>
   *
   * @param properties the configuration
   * @return this builder
   * @throws IllegalArgumentException naming the key and value of an unknown key or a bad value
   */
  public SchedulerBuilder<S> properties(Map<String, ?> properties) {
    FlatConfiguration.apply(requireNonNull(properties, "properties"), new FlatTarget());
    return this;
  }

  /**
   * Builds the scheduler (stopped).
   *
   * @return the scheduler
   */
  public S build() {
    return factory.apply(configuration());
  }

  /** The settings as an immutable record, with the defaults of unset ones filled in. */
  SchedulerConfig configuration() {
    Clock clock = this.clock != null ? this.clock : Clock.systemDefaultZone();
    return new SchedulerConfig(
        clock,
        timezone != null ? timezone : clock.getZone(),
        jobDefaults,
        taskResolver,
        shutdownTimeout,
        jobStoreRetryInterval,
        threadNamePrefix,
        daemon,
        schedulerId != null ? schedulerId : defaultSchedulerId(),
        defaultExecutor,
        jobStores,
        executors,
        listeners,
        runObservers,
        clock instanceof AdjustableClock adjustable ? watch(adjustable) : null);
  }

  /** Registers a callback with the clock and returns what removes it. */
  private static Function<Runnable, Runnable> watch(AdjustableClock clock) {
    return callback -> {
      clock.onAdjust(callback);
      return () -> clock.removeOnAdjust(callback);
    };
  }

  private static void checkAlias(String what, String alias, Map<String, ?> existing) {
    requireArgument(
        alias != null && !alias.isBlank(), "%s alias must not be blank, but was '%s'", what, alias);
    requireArgument(!existing.containsKey(alias), "%s alias '%s' is already in use", what, alias);
  }

  private static String defaultSchedulerId() {
    String host = System.getenv("HOSTNAME");
    return (host == null || host.isBlank() ? "host" : host)
        + "-"
        + ProcessHandle.current().pid()
        + "-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
  }

  /** Where flat configuration writes: this builder's setters. */
  private final class FlatTarget implements FlatConfiguration.Target {
    @Override
    public void timezone(ZoneId timezone) {
      SchedulerBuilder.this.timezone(timezone);
    }

    @Override
    public void daemon(boolean daemon) {
      SchedulerBuilder.this.daemon(daemon);
    }

    @Override
    public void threadNamePrefix(String threadNamePrefix) {
      SchedulerBuilder.this.threadNamePrefix(threadNamePrefix);
    }

    @Override
    public void shutdownTimeout(Duration shutdownTimeout) {
      SchedulerBuilder.this.shutdownTimeout(shutdownTimeout);
    }

    @Override
    public void jobStoreRetryInterval(Duration jobStoreRetryInterval) {
      SchedulerBuilder.this.jobStoreRetryInterval(jobStoreRetryInterval);
    }

    @Override
    public JobDefaults jobDefaults() {
      return jobDefaults;
    }

    @Override
    public void jobDefaults(JobDefaults jobDefaults) {
      SchedulerBuilder.this.jobDefaults(jobDefaults);
    }

    @Override
    public void jobStore(String alias, JobStore store) {
      SchedulerBuilder.this.jobStore(alias, store);
    }

    @Override
    public void executor(String alias, JobExecutor executor) {
      SchedulerBuilder.this.executor(alias, executor);
    }
  }
}
