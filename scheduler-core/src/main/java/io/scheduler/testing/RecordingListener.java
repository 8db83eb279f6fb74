package io.scheduler.testing;

import io.scheduler.event.EventType;
import io.scheduler.event.SchedulerEvent;
import io.scheduler.event.SchedulerListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps every event it receives, in order, for assertions. Thread-safe. */
public final class RecordingListener implements SchedulerListener {

  private final CopyOnWriteArrayList<SchedulerEvent> events = new CopyOnWriteArrayList<>();

  /** Creates an empty recorder. */
  public RecordingListener() {}

  @Override
  public void onEvent(SchedulerEvent event) {
    events.add(event);
  }

  /**
   * Returns the events received so far.
   *
   * @return a snapshot, oldest first
   */
  public List<SchedulerEvent> events() {
    return List.copyOf(events);
  }

  /**
   * Returns the types of the events received so far.
   *
   * @return a snapshot, oldest first
   */
  public List<EventType> types() {
    return events.stream().map(SchedulerEvent::type).toList();
  }

  /**
   * Returns the events of one record type.
   *
   * @param type the event record class, such as {@code JobMissed.class}
   * @param <E> the event type
   * @return a snapshot, oldest first
   */
  public <E extends SchedulerEvent> List<E> events(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Forgets the events received so far. */
  public void clear() {
    events.clear();
  }
}
