package io.scheduler.boot.event;

import io.scheduler.event.SchedulerEvent;
import io.scheduler.event.SchedulerListener;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes every {@link SchedulerEvent} as a Spring application event. The event records are the
 * payloads, so listeners take them directly:
 *
 * <pre>{@code
 * @EventListener
 * void on(JobExecuted executed) { ... }
 *
 * @EventListener
 * void on(SchedulerEvent any) { ... }   // every event; JobEvent for every job event
 * }</pre>
 *
 * <p>Events are published synchronously on the thread that caused them, as the scheduler delivers
 * them: job-store and scheduler events on the caller's or the scheduler's thread, run outcomes
 * ({@code JobExecuted}, {@code JobFailed}, {@code JobMissed}) on the worker that ran the job. Keep
 * listeners quick, or make them {@code @Async}. A listener that throws is logged by the scheduler
 * and does not affect the job or the other listeners.
 *
 * <p>{@code @TransactionalEventListener} works as for any published object: an event raised inside
 * a transaction (say, {@code JobAdded} from {@code addJob} in a {@code @Transactional} method) is
 * delivered in the chosen transaction phase. Run outcomes are raised on worker threads, outside any
 * transaction, so such listeners receive them only with {@code fallbackExecution = true}.
 */
public final class SchedulerEventPublishingListener implements SchedulerListener {

  private final ApplicationEventPublisher publisher;

  /**
   * Creates the bridge.
   *
   * @param publisher where events are published, usually the application context
   */
  public SchedulerEventPublishingListener(ApplicationEventPublisher publisher) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  @Override
  public void onEvent(SchedulerEvent event) {
    publisher.publishEvent(event);
  }
}
