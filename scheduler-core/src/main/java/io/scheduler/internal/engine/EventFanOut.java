package io.scheduler.internal.engine;

import io.scheduler.event.EventType;
import io.scheduler.event.SchedulerEvent;
import io.scheduler.event.SchedulerListener;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to listeners filtered by their masks, on the calling thread, in registration
 * order. A listener that throws is logged and skipped. Events nobody listens to are never built.
 */
final class EventFanOut {

  private static final Logger log = LoggerFactory.getLogger(EventFanOut.class);

  private final CopyOnWriteArrayList<Registration> registrations = new CopyOnWriteArrayList<>();
  private volatile int unionMask;

  /** Creates a fan-out without listeners. */
  public EventFanOut() {}

  /**
   * Adds a listener.
   *
   * @param listener the listener
   * @param mask the bitwise OR of the {@link EventType#code()}s it receives
   */
  public synchronized void add(SchedulerListener listener, int mask) {
    registrations.add(new Registration(listener, mask));
    unionMask |= mask;
  }

  /**
   * Removes every registration of a listener.
   *
   * @param listener the listener
   * @return whether it was registered
   */
  public synchronized boolean remove(SchedulerListener listener) {
    boolean removed = registrations.removeIf(registration -> registration.listener == listener);
    int mask = 0;
    for (Registration registration : registrations) {
      mask |= registration.mask;
    }
    unionMask = mask;
    return removed;
  }

  /**
   * Returns whether some listener receives events of a type.
   *
   * @param type the type
   * @return true when an event of this type would be delivered
   */
  public boolean wants(EventType type) {
    return (unionMask & type.code()) != 0;
  }

  /**
   * Delivers an event built on demand, only when some listener receives its type.
   *
   * @param type the event's type
   * @param event builds the event
   */
  public void publish(EventType type, Supplier<? extends SchedulerEvent> event) {
    if (wants(type)) {
      publish(event.get());
    }
  }

  /**
   * Delivers an event to every listener whose mask includes its type.
   *
   * @param event the event
   */
  public void publish(SchedulerEvent event) {
    int code = event.type().code();
    for (Registration registration : registrations) {
      if ((registration.mask & code) != 0) {
        try {
          registration.listener.onEvent(event);
        } catch (RuntimeException | LinkageError e) {
          log.error("Listener {} failed on {}", registration.listener, event, e);
        }
      }
    }
  }

  private record Registration(SchedulerListener listener, int mask) {}
}
