package io.scheduler.boot.redis;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.scheduler.store.JobStoreContext;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The subscription of a {@link RedisJobStore} to its change channel: announcements of other
 * instances (and every (re)subscription, after which some may have been missed) tell the scheduler
 * to look for due jobs at once. When subscribing fails it tries again after the poll interval, on
 * its own daemon thread; the scheduler polls meanwhile.
 */
final class RedisSubscription {

  private static final Logger log = LoggerFactory.getLogger(RedisSubscription.class);

  private final RedisConnectionFactory connectionFactory;
  private final String channel;
  private final String origin;
  private final Duration pollInterval;
  private final Object lock = new Object();
  private volatile @Nullable JobStoreContext context;
  // Guarded by lock:
  private @Nullable ScheduledExecutorService retries;
  private @Nullable RedisMessageListenerContainer subscription;
  private boolean closed;
  private boolean retryPlanned;
  private boolean subscriptionFailed;
  private boolean subscribing;

  /**
   * @param connectionFactory where to subscribe
   * @param channel the change channel
   * @param origin sent with this instance's own announcements, which it ignores
   * @param pollInterval how long to wait before subscribing again
   */
  RedisSubscription(
      RedisConnectionFactory connectionFactory,
      String channel,
      String origin,
      Duration pollInterval) {
    this.connectionFactory = connectionFactory;
    this.channel = channel;
    this.origin = origin;
    this.pollInterval = pollInterval;
  }

  /** Starts the retry thread and subscribes, telling {@code context}'s listener of changes. */
  void start(JobStoreContext context) {
    this.context = context;
    synchronized (lock) {
      closed = false;
      if (retries == null) {
        ScheduledThreadPoolExecutor executor =
            new ScheduledThreadPoolExecutor(
                1,
                run -> {
                  Thread thread = new Thread(run, "scheduler-redis-" + context.alias());
                  thread.setDaemon(true);
                  return thread;
                });
        executor.setRemoveOnCancelPolicy(true);
        retries = executor;
      }
    }
    subscribe();
  }

  /** Unsubscribes and stops the retry thread. */
  void shutdown() {
    RedisMessageListenerContainer container;
    synchronized (lock) {
      closed = true;
      container = subscription;
      subscription = null;
      if (retries != null) {
        retries.shutdownNow();
        retries = null;
      }
    }
    if (container != null) {
      destroy(container);
    }
  }

  /**
   * Subscribes to the change channel, waiting until the subscription is confirmed; when that fails,
   * tries again after the poll interval (the scheduler polls meanwhile). Once subscribed, the
   * driver keeps the subscription across reconnects.
   */
  private void subscribe() {
    JobStoreContext context = this.context;
    RedisMessageListenerContainer container;
    synchronized (lock) {
      if (context == null || closed || subscription != null) {
        return;
      }
      container = new RedisMessageListenerContainer();
      container.setConnectionFactory(connectionFactory);
      // Announcements only wake the scheduler: handle them on the driver's thread.
      container.setTaskExecutor(Runnable::run);
      container.setSubscriptionExecutor(Runnable::run);
      // The store retries on its own thread; the container must not block or retry forever.
      container.setRecoveryBackoff(new FixedBackOff(0, 0));
      container.addMessageListener(new Announcements(), new ChannelTopic(channel));
      container.afterPropertiesSet();
      subscription = container;
      subscribing = true;
    }
    try {
      container.start();
      if (!container.isListening()) {
        throw new IllegalStateException("the subscription was not confirmed");
      }
      boolean recovered;
      synchronized (lock) {
        subscribing = false;
        recovered = subscriptionFailed;
        subscriptionFailed = false;
      }
      if (recovered) {
        log.info("Job store '{}' subscribed to Redis channel '{}'", context.alias(), channel);
      }
    } catch (RuntimeException e) {
      boolean first;
      synchronized (lock) {
        subscribing = false;
        if (subscription == container) {
          subscription = null;
        }
        first = !subscriptionFailed;
        subscriptionFailed = true;
      }
      destroy(container);
      if (first) {
        log.warn(
            "Job store '{}' could not subscribe to Redis channel '{}' ({}); polling every {} and"
                + " trying again",
            context.alias(),
            channel,
            e.toString(),
            pollInterval);
      } else {
        log.debug("Job store '{}' could not subscribe yet: {}", context.alias(), e.toString());
      }
      retrySubscribe();
    }
  }

  /** Subscribes again after the poll interval, unless that is already planned. */
  private void retrySubscribe() {
    synchronized (lock) {
      ScheduledExecutorService executor = retries;
      if (closed || retryPlanned || executor == null) {
        return;
      }
      retryPlanned = true;
      executor.schedule(
          () -> {
            synchronized (lock) {
              retryPlanned = false;
            }
            subscribe();
          },
          pollInterval.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** Called each pass: replaces a subscription the container gave up on. */
  void check() {
    RedisMessageListenerContainer dropped;
    synchronized (lock) {
      dropped = subscription;
      if (closed || subscribing || (dropped != null && dropped.isListening())) {
        return;
      }
      subscription = null;
    }
    if (dropped != null) {
      destroy(dropped);
    }
    retrySubscribe();
  }

  private static void destroy(RedisMessageListenerContainer container) {
    try {
      container.destroy();
    } catch (Exception e) {
      log.debug("Could not stop the Redis subscription", e);
    }
  }

  /** Hears announcements of other instances, and (re)subscriptions after which some were missed. */
  private final class Announcements implements MessageListener, SubscriptionListener {

    @Override
    public void onMessage(Message message, byte @Nullable [] pattern) {
      if (!origin.equals(new String(message.getBody(), UTF_8))) {
        changed();
      }
    }

    @Override
    public void onChannelSubscribed(byte[] channel, long count) {
      // After a reconnect, changes made meanwhile were not heard: look for due jobs now.
      changed();
    }

    private void changed() {
      JobStoreContext context = RedisSubscription.this.context;
      if (context != null) {
        context.listener().jobsChanged();
      }
    }
  }
}
