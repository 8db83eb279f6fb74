package io.scheduler.boot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.Task;
import io.scheduler.job.TaskRef;
import io.scheduler.job.TaskResolver;
import io.scheduler.store.ContractTasks;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.JobStoreListener;
import io.scheduler.testing.MutableClock;
import io.scheduler.trigger.DateTrigger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * What adding costs Redis, counted on the connections: {@code addJob} and {@code addJobs} are one
 * script call each ({@code EVALSHA}, {@code EVAL} when the server does not know the script yet),
 * the announcement to the other schedulers ({@code PUBLISH}) inside it.
 */
@Tag("integration")
class RedisAddCommandsTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  private final RedisTestSupport redis = new RedisTestSupport();
  private final Thread test = Thread.currentThread();
  private final List<String> commands = new CopyOnWriteArrayList<>();

  @AfterEach
  void cleanUp() {
    redis.close();
  }

  @Test
  void addJobAndAddJobsAreOneScriptCallEach() {
    RedisJobStore store =
        RedisJobStore.builder(counting(redis.connectionFactory()))
            .keyPrefix(redis.prefix())
            .build();
    store.start(
        new JobStoreContext(
            JobSpec.DEFAULT_ALIAS,
            MutableClock.at(NOW, ZONE),
            ZONE,
            TaskResolver.staticMethods(),
            "node-a",
            JobStoreListener.NONE));
    redis.onClose(store::shutdown);
    store.addJob(job("warm-up"));
    commands.clear();

    store.addJob(job("one"));

    assertThat(commands).containsExactly("evalSha");

    commands.clear();
    store.addJobs(IntStream.range(0, 100).mapToObj(i -> job("batch-" + i)).toList());

    assertThat(commands).containsExactly("evalSha");
    assertThat(store.getAllJobs()).hasSize(102);
  }

  /** A factory whose connections record the commands the test's thread sends. */
  private RedisConnectionFactory counting(RedisConnectionFactory factory) {
    return (RedisConnectionFactory)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {RedisConnectionFactory.class},
            (proxy, method, args) -> {
              Object result = invoke(factory, method, args);
              return method.getName().equals("getConnection")
                  ? counting((RedisConnection) result)
                  : result;
            });
  }

  private RedisConnection counting(RedisConnection connection) {
    return (RedisConnection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {RedisConnection.class},
            (proxy, method, args) -> {
              if (Thread.currentThread() == test && isCommand(method)) {
                commands.add(method.getName());
              }
              return invoke(connection, method, args);
            });
  }

  /** Everything but the connection's own housekeeping. */
  private static boolean isCommand(Method method) {
    return !List.of("close", "isClosed", "getNativeConnection", "isQueueing", "isPipelined")
            .contains(method.getName())
        && !method.getName().endsWith("Commands");
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Job job(String id) {
    TaskRef ref = TaskRef.of(ContractTasks.NOOP);
    DateTrigger trigger = DateTrigger.at(NOW.plusSeconds(60), ZONE);
    JobSpec spec = JobSpec.builder().id(id).task(ref).trigger(trigger).build();
    return Job.create(
        spec, id, Task.of(() -> {}), trigger, JobDefaults.ofDefaults(), NOW.plusSeconds(60));
  }
}
