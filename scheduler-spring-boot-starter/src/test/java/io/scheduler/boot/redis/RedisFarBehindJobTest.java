package io.scheduler.boot.redis;

import io.scheduler.store.FarBehindJobContractTest;
import io.scheduler.store.JobStore;
import org.junit.jupiter.api.Tag;

/**
 * {@link FarBehindJobContractTest} on {@link RedisJobStore}: each store instance has a connection
 * factory of its own (as a process would), under one fresh key prefix per test.
 */
@Tag("integration")
class RedisFarBehindJobTest extends FarBehindJobContractTest {

  private final RedisTestSupport redis = new RedisTestSupport();

  @Override
  protected JobStore newStore() {
    return redis.store().build();
  }

  @Override
  protected void closeStores() {
    redis.close();
  }
}
