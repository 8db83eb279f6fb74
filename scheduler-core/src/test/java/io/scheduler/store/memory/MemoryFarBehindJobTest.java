package io.scheduler.store.memory;

import io.scheduler.store.FarBehindJobContractTest;
import io.scheduler.store.JobStore;
import io.scheduler.store.JobStores;

/** {@link FarBehindJobContractTest} on the memory store (a store of one scheduler). */
class MemoryFarBehindJobTest extends FarBehindJobContractTest {

  @Override
  protected JobStore newStore() {
    return JobStores.memory();
  }

  @Override
  protected boolean shared() {
    return false;
  }
}
