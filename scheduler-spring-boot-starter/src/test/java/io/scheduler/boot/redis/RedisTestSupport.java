package io.scheduler.boot.redis;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.scheduler.testservers.TestServers;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Connections for the Redis tests: the server comes from {@link TestServers#redisUrl()}; every
 * connection factory shares one set of Lettuce client resources (event loops), so creating and
 * destroying factories per test is cheap; every test uses keys under a fresh random prefix and
 * deletes them afterwards. What a test starts on these connections (schedulers, stores, proxies) is
 * registered with {@link #onClose} and shut down by {@link #close()} before anything else, each
 * even when another fails.
 */
final class RedisTestSupport implements AutoCloseable {

  // Reconnects back off up to half a second (Lettuce's default goes up to 30 s), so an outage in a
  // fault test ends for the schedulers soon after the server is back.
  private static final ClientResources RESOURCES =
      DefaultClientResources.builder()
          .reconnectDelay(
              Delay.exponential(
                  Duration.ofMillis(1), Duration.ofMillis(500), 2, TimeUnit.MILLISECONDS))
          .build();

  private final List<LettuceConnectionFactory> factories = new ArrayList<>();
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final String prefix =
      "scheduler-test:" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ":";

  /** The key prefix of this test. */
  String prefix() {
    return prefix;
  }

  /**
   * Returns a new, started connection factory for the test server (as another process would have).
   */
  LettuceConnectionFactory connectionFactory() {
    return connectionFactory(TestServers.redisUrl(), "scheduler-test");
  }

  /**
   * Returns a new, started connection factory whose connections carry a client name (so a test can
   * find and kill them).
   */
  LettuceConnectionFactory connectionFactory(String redisUrl, String clientName) {
    RedisConfiguration server = LettuceConnectionFactory.createRedisConfiguration(redisUrl);
    LettuceClientConfiguration client =
        LettuceClientConfiguration.builder()
            .clientResources(RESOURCES)
            .clientName(clientName)
            .commandTimeout(Duration.ofSeconds(2))
            .build();
    LettuceConnectionFactory factory = new LettuceConnectionFactory(server, client);
    factory.afterPropertiesSet();
    factory.start();
    factories.add(factory);
    return factory;
  }

  /**
   * Registers something to shut down when the test ends, before the keys are deleted and the
   * connections closed; the last registered is shut down first.
   */
  void onClose(AutoCloseable resource) {
    resources.push(resource);
  }

  /** Returns a store builder on a new connection factory, under this test's prefix. */
  RedisJobStore.Builder store() {
    return RedisJobStore.builder(connectionFactory()).keyPrefix(prefix);
  }

  /** Returns a template on a new connection factory, for looking at the keys directly. */
  StringRedisTemplate template() {
    return new StringRedisTemplate(connectionFactory());
  }

  /**
   * Shuts down what was registered with {@link #onClose}, deletes this test's keys and destroys the
   * connection factories, each step even when an earlier one failed; then throws the first failure.
   */
  @Override
  public void close() {
    RuntimeException failure = null;
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        failure = added(failure, e);
      }
    }
    try {
      if (!factories.isEmpty()) {
        StringRedisTemplate redis = new StringRedisTemplate(factories.get(0));
        Set<String> keys = redis.keys(prefix + "*");
        if (keys != null && !keys.isEmpty()) {
          redis.delete(keys);
        }
      }
    } catch (RuntimeException e) {
      failure = added(failure, e);
    } finally {
      factories.forEach(LettuceConnectionFactory::destroy);
      factories.clear();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException added(@Nullable RuntimeException first, Exception next) {
    if (first == null) {
      return next instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException("could not shut down a test resource", next);
    }
    first.addSuppressed(next);
    return first;
  }
}
