package io.scheduler.internal.engine;

import io.scheduler.event.EventType;
import io.scheduler.event.JobRemoved;
import io.scheduler.executor.JobExecutor;
import io.scheduler.store.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/** What the engine's parts share: settings, the event fan-out, instance counts and the state. */
final class EngineContext {

  final Clock clock;
  final ZoneId timezone;
  final Duration retryInterval;
  final EventFanOut events = new EventFanOut();
  final InstanceCounter instances = new InstanceCounter();
  final Waiter waiter;
  // Held while a pass acquires, submits and releases a batch of due jobs, and while a job is
  // read, changed and written back; so a change never undoes a run's new next run time.
  final ReentrantLock processing = new ReentrantLock();
  volatile Map<String, JobExecutor> executors;
  volatile Map<String, JobStore> stores = Map.of();
  volatile EngineState state = EngineState.STOPPED;

  EngineContext(
      Clock clock, ZoneId timezone, Duration retryInterval, Map<String, JobExecutor> executors) {
    this.clock = clock;
    this.timezone = timezone;
    this.retryInterval = retryInterval;
    this.executors = executors;
    this.waiter = new Waiter(clock);
  }

  boolean running() {
    return state == EngineState.RUNNING;
  }

  void publishJobRemoved(String id, String alias) {
    events.publish(EventType.JOB_REMOVED, () -> new JobRemoved(id, alias, clock.instant()));
  }

  JobStore store(String alias) {
    JobStore store = stores.get(alias);
    if (store == null) {
      throw new IllegalArgumentException(
          "no job store has the alias '" + alias + "' (configured: " + stores.keySet() + ")");
    }
    return store;
  }

  void requireExecutor(String alias) {
    if (!executors.containsKey(alias)) {
      throw new IllegalArgumentException(
          "no executor has the alias '" + alias + "' (configured: " + executors.keySet() + ")");
    }
  }

  static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
