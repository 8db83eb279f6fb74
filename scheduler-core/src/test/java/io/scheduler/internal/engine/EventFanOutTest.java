package io.scheduler.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.event.EventType;
import io.scheduler.event.JobAdded;
import io.scheduler.event.SchedulerEvent;
import io.scheduler.event.SchedulerListener;
import io.scheduler.event.SchedulerPaused;
import io.scheduler.event.SchedulerStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link EventFanOut}: delivery filtered by each listener's mask, in registration order, on the
 * publishing thread; a throwing listener does not keep the event from the others; removal; and
 * lazily built events that are never built when nobody listens.
 */
class EventFanOutTest {

  private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

  private static final SchedulerStarted STARTED = new SchedulerStarted(T);

  private static final SchedulerPaused PAUSED = new SchedulerPaused(T);

  private static final JobAdded ADDED = new JobAdded("job", "default", T);

  private final EventFanOut fanOut = new EventFanOut();

  private final List<String> log = new ArrayList<>();

  /** A listener that logs {@code name:TYPE} for every event it receives. */
  private SchedulerListener logging(String name) {
    return event -> log.add(name + ":" + event.type());
  }

  @Test
  void deliversOnlyTheTypesInAListenersMask() {
    fanOut.add(logging("starts"), EventType.mask(EventType.SCHEDULER_STARTED));
    fanOut.add(logging("jobs"), EventType.mask(EventType.JOB_ADDED, EventType.JOB_REMOVED));
    fanOut.add(logging("all"), EventType.ALL);

    fanOut.publish(STARTED);
    fanOut.publish(PAUSED);
    fanOut.publish(ADDED);

    assertThat(log)
        .containsExactly(
            "starts:SCHEDULER_STARTED",
            "all:SCHEDULER_STARTED",
            "all:SCHEDULER_PAUSED",
            "jobs:JOB_ADDED",
            "all:JOB_ADDED");
  }

  @Test
  void deliversInRegistrationOrderOnThePublishingThread() {
    List<Thread> threads = new ArrayList<>();
    for (String name : List.of("c", "a", "b")) {
      fanOut.add(
          event -> {
            threads.add(Thread.currentThread());
            log.add(name);
          },
          EventType.ALL);
    }

    fanOut.publish(STARTED);

    assertThat(log).containsExactly("c", "a", "b");
    assertThat(threads).containsOnly(Thread.currentThread());
  }

  @Test
  void theSameEventObjectReachesEveryListener() {
    List<SchedulerEvent> received = new ArrayList<>();
    fanOut.add(received::add, EventType.ALL);
    fanOut.add(received::add, EventType.mask(EventType.JOB_ADDED));

    fanOut.publish(ADDED);

    assertThat(received).hasSize(2).allSatisfy(event -> assertThat(event).isSameAs(ADDED));
  }

  @Test
  void aThrowingListenerDoesNotStopTheOthers() {
    fanOut.add(logging("before"), EventType.ALL);
    fanOut.add(
        event -> {
          throw new IllegalStateException("listener bug (expected by this test)");
        },
        EventType.ALL);
    fanOut.add(logging("after"), EventType.ALL);

    fanOut.publish(STARTED);
    fanOut.publish(PAUSED);

    assertThat(log)
        .containsExactly(
            "before:SCHEDULER_STARTED",
            "after:SCHEDULER_STARTED",
            "before:SCHEDULER_PAUSED",
            "after:SCHEDULER_PAUSED");
  }

  @Test
  void aRemovedListenerReceivesNothingMore() {
    SchedulerListener removed = logging("removed");
    fanOut.add(removed, EventType.ALL);
    fanOut.add(logging("kept"), EventType.ALL);

    assertThat(fanOut.remove(removed)).isTrue();
    fanOut.publish(STARTED);

    assertThat(log).containsExactly("kept:SCHEDULER_STARTED");
    assertThat(fanOut.remove(removed)).isFalse();
  }

  @Test
  void removeDropsEveryRegistrationOfTheListener() {
    SchedulerListener twice = logging("twice");
    fanOut.add(twice, EventType.mask(EventType.SCHEDULER_STARTED));
    fanOut.add(twice, EventType.ALL);

    fanOut.publish(STARTED);
    assertThat(log).containsExactly("twice:SCHEDULER_STARTED", "twice:SCHEDULER_STARTED");

    fanOut.remove(twice);
    fanOut.publish(STARTED);
    assertThat(log).hasSize(2);
  }

  @Test
  void wantsFollowsTheMasksOfTheRegisteredListeners() {
    assertThat(fanOut.wants(EventType.JOB_ADDED)).isFalse();

    SchedulerListener jobs = logging("jobs");
    fanOut.add(jobs, EventType.mask(EventType.JOB_ADDED));
    SchedulerListener starts = logging("starts");
    fanOut.add(starts, EventType.mask(EventType.SCHEDULER_STARTED));

    assertThat(fanOut.wants(EventType.JOB_ADDED)).isTrue();
    assertThat(fanOut.wants(EventType.SCHEDULER_STARTED)).isTrue();
    assertThat(fanOut.wants(EventType.JOB_REMOVED)).isFalse();

    fanOut.remove(jobs);

    assertThat(fanOut.wants(EventType.JOB_ADDED)).isFalse();
    assertThat(fanOut.wants(EventType.SCHEDULER_STARTED)).isTrue();
  }

  @Test
  void aLazyEventIsBuiltOnlyWhenSomeoneListensToItsType() {
    AtomicInteger built = new AtomicInteger();
    fanOut.add(logging("starts"), EventType.mask(EventType.SCHEDULER_STARTED));

    fanOut.publish(
        EventType.JOB_ADDED,
        () -> {
          built.incrementAndGet();
          return ADDED;
        });
    assertThat(built).hasValue(0);
    assertThat(log).isEmpty();

    fanOut.publish(
        EventType.SCHEDULER_STARTED,
        () -> {
          built.incrementAndGet();
          return STARTED;
        });
    assertThat(built).hasValue(1);
    assertThat(log).containsExactly("starts:SCHEDULER_STARTED");
  }

  @Test
  void aListenerAddedDuringDeliverySeesOnlyLaterEvents() {
    fanOut.add(
        event -> {
          if (event.type() == EventType.SCHEDULER_STARTED) {
            fanOut.add(logging("late"), EventType.ALL);
          }
          log.add("first:" + event.type());
        },
        EventType.ALL);

    fanOut.publish(STARTED);
    fanOut.publish(PAUSED);

    assertThat(log)
        .containsExactly(
            "first:SCHEDULER_STARTED", "first:SCHEDULER_PAUSED", "late:SCHEDULER_PAUSED");
  }
}
