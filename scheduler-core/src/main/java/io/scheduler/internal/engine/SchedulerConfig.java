package io.scheduler.internal.engine;

import io.scheduler.event.EventType;
import io.scheduler.event.SchedulerListener;
import io.scheduler.executor.JobExecutor;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobRunObserver;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A scheduler's settings, as its builder produced them: immutable.
 *
 * @param clock every time is read from it
 * @param timezone the zone of triggers given by alias
 * @param jobDefaults the options of jobs that leave them unset
 * @param taskResolver resolves task references
 * @param shutdownTimeout how long {@code shutdown(true)} waits for running jobs
 * @param jobStoreRetryInterval how soon a store that failed is asked again
 * @param threadNamePrefix the start of the scheduler thread's name
 * @param daemon whether the background scheduler's thread is a daemon
 * @param schedulerId this scheduler's id among those sharing a store
 * @param defaultExecutor creates the executor added as {@code default} when none is configured
 * @param jobStores the stores, by alias, in order
 * @param executors the executors, by alias, in order
 * @param listeners the listeners added from the start, with the event types each receives
 * @param runObservers the observers of every run, in order
 * @param clockWatch when the clock can be moved by hand: given a callback, runs it after every move
 *     and returns what stops that; otherwise {@code null}
 */
public record SchedulerConfig(
    Clock clock,
    ZoneId timezone,
    JobDefaults jobDefaults,
    TaskResolver taskResolver,
    Duration shutdownTimeout,
    Duration jobStoreRetryInterval,
    String threadNamePrefix,
    boolean daemon,
    String schedulerId,
    Supplier<JobExecutor> defaultExecutor,
    Map<String, JobStore> jobStores,
    Map<String, JobExecutor> executors,
    List<Map.Entry<SchedulerListener, EventType[]>> listeners,
    List<JobRunObserver> runObservers,
    @Nullable Function<Runnable, Runnable> clockWatch) {

  /**
   * Copies the collections.
   *
   * @param clock the clock
   * @param timezone the zone
   * @param jobDefaults the job defaults
   * @param taskResolver the task resolver
   * @param shutdownTimeout the shutdown timeout
   * @param jobStoreRetryInterval the store retry interval
   * @param threadNamePrefix the thread name prefix
   * @param daemon whether the thread is a daemon
   * @param schedulerId the scheduler id
   * @param defaultExecutor the default executor's factory
   * @param jobStores the stores
   * @param executors the executors
   * @param listeners the listeners
   * @param runObservers the run observers
   * @param clockWatch how to watch the clock, or {@code null}
   */
  public SchedulerConfig {
    jobStores = Collections.unmodifiableMap(new LinkedHashMap<>(jobStores));
    executors = Collections.unmodifiableMap(new LinkedHashMap<>(executors));
    listeners = List.copyOf(listeners);
    runObservers = List.copyOf(runObservers);
  }
}
