package io.scheduler.event;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * All jobs were removed, from one store or from every store.
 *
 * @param jobStore the store that was cleared, or {@code null} when every store was
 * @param time when it happened
 */
public record AllJobsRemoved(@Nullable String jobStore, Instant time) implements SchedulerEvent {

  @Override
  public EventType type() {
    return EventType.ALL_JOBS_REMOVED;
  }
}
