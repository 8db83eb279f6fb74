package io.scheduler.boot.redis;

import io.scheduler.store.JobStore;
import io.scheduler.store.SharedJobStore;
import io.scheduler.store.SharedJobStoreContractTest;
import org.junit.jupiter.api.Tag;

/**
 * The shared job-store contract on {@link RedisJobStore}: the store under test and its peer use
 * separate connection factories (as two processes would) over one fresh key prefix per test.
 */
@Tag("integration")
class RedisJobStoreContractTest extends SharedJobStoreContractTest {

  private final RedisTestSupport redis = new RedisTestSupport();

  @Override
  protected SharedJobStore createStore() {
    return redis.store().build();
  }

  @Override
  protected SharedJobStore createPeerStore() {
    return redis.store().build();
  }

  @Override
  protected void stopStore(JobStore store) {
    try {
      store.shutdown();
    } finally {
      redis.close();
    }
  }
}
