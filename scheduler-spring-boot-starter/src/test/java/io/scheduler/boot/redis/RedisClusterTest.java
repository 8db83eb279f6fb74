package io.scheduler.boot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.IntervalTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Three background schedulers, each with its own connection factory (as three processes), share one
 * Redis key prefix: every one of a few thousand one-shot jobs runs exactly once, the work is spread
 * over the nodes, and max instances holds across the cluster.
 */
@Tag("integration")
class RedisClusterTest {

  private static final int ONE_SHOT_JOBS = 3000;

  private final RedisTestSupport redis = new RedisTestSupport();
  private final String scenario = "cluster-" + redis.prefix();
  private final String overlapScenario = "cluster-overlap-" + redis.prefix();

  @AfterEach
  void cleanUp() {
    try {
      redis.close();
    } finally {
      RedisTestTasks.forget(scenario);
      RedisTestTasks.forget(overlapScenario);
    }
  }

  private Scheduler node(String name) {
    Scheduler node =
        BackgroundScheduler.builder()
            .timezone(ZoneOffset.UTC)
            .schedulerId(name)
            .threadNamePrefix(name + "-")
            .executor("default", JobExecutors.threadPool(8, name + "-worker-"))
            .jobStore(
                "default",
                RedisJobStore.builder(redis.connectionFactory())
                    .keyPrefix(redis.prefix())
                    .leaseTime(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofSeconds(5))
                    .build())
            .jobStoreRetryInterval(Duration.ofMillis(200))
            .build();
    redis.onClose(() -> node.shutdown(true));
    node.start();
    return node;
  }

  @Test
  void threeSchedulersRunEveryOneShotJobExactlyOnceAndHoldMaxInstancesAcrossTheCluster()
      throws Exception {
    Scheduler first = node("node-1");
    node("node-2");
    node("node-3");
    CountDownLatch allRan = RedisTestTasks.expect(scenario, ONE_SHOT_JOBS);
    long began = System.nanoTime();
    Instant start = first.clock().instant().plusMillis(500);
    List<JobSpec> oneShots = new ArrayList<>();
    for (int i = 0; i < ONE_SHOT_JOBS; i++) {
      oneShots.add(
          JobSpec.builder()
              .id("one-shot-" + i)
              .task(TaskRef.of(RedisTestTasks.RECORD))
              .args(scenario)
              .trigger(DateTrigger.at(start.plusMillis(i % 2000).atZone(ZoneOffset.UTC)))
              .misfireGraceTime(null)
              .build());
    }
    // Two jobs that take longer than their interval: one instance each, cluster-wide.
    for (String id : List.of("overlap-1", "overlap-2")) {
      first.addJob(
          JobSpec.builder()
              .id(id)
              .task(TaskRef.of(RedisTestTasks.OVERLAP))
              .args(overlapScenario, 700L)
              .trigger(IntervalTrigger.every(Duration.ofMillis(250)))
              .maxInstances(1)
              .misfireGraceTime(null)
              .build());
    }
    first.addJobs(oneShots);

    assertThat(allRan.await(90, TimeUnit.SECONDS)).as("every one-shot job ran").isTrue();
    awaitNoOneShotJobOrClaimLeft();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

    List<RedisTestTasks.Run> runs = RedisTestTasks.runs(scenario);
    Map<String, Long> runsByJob =
        runs.stream()
            .collect(Collectors.groupingBy(RedisTestTasks.Run::jobId, Collectors.counting()));
    long duplicates = runs.size() - runsByJob.size();
    long lost = ONE_SHOT_JOBS - runsByJob.size();
    Map<String, Long> byNode =
        runs.stream()
            .collect(
                Collectors.groupingBy(
                    run -> run.thread().substring(0, run.thread().indexOf("-worker")),
                    TreeMap::new,
                    Collectors.counting()));
    System.out.printf(
        "RedisClusterTest: %d one-shot jobs on 3 schedulers in %d ms: %d runs, %d duplicates,"
            + " %d lost, runs by node %s; overlapping jobs ran %d times, at most %d/%d at once%n",
        ONE_SHOT_JOBS,
        millis,
        runs.size(),
        duplicates,
        lost,
        byNode,
        RedisTestTasks.runs(overlapScenario).size(),
        RedisTestTasks.mostRunning(overlapScenario, "overlap-1"),
        RedisTestTasks.mostRunning(overlapScenario, "overlap-2"));
    assertThat(lost).as("lost").isZero();
    assertThat(duplicates).as("duplicates").isZero();
    assertThat(byNode).as("runs by node").hasSizeGreaterThanOrEqualTo(2);
    assertThat(RedisTestTasks.runs(overlapScenario)).isNotEmpty();
    assertThat(RedisTestTasks.mostRunning(overlapScenario, "overlap-1")).isOne();
    assertThat(RedisTestTasks.mostRunning(overlapScenario, "overlap-2")).isOne();
  }

  /** Waits until no one-shot job is stored and none of their claims is open (so none can rerun). */
  private void awaitNoOneShotJobOrClaimLeft() {
    StringRedisTemplate direct = redis.template();
    Function<String, Long> oneShots =
        key ->
            direct.opsForHash().keys(redis.prefix() + key).stream()
                .filter(id -> id.toString().startsWith("one-shot-"))
                .count();
    await("one-shot jobs and claims all gone")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> oneShots.apply("jobs") + oneShots.apply("running") == 0);
  }
}
