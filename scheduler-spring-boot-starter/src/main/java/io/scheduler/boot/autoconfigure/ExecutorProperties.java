package io.scheduler.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/** One executor, {@code scheduler.executors.<alias>.*}. */
public class ExecutorProperties {

  /** Type of the executor. */
  private SchedulerProperties.ExecutorType type = SchedulerProperties.ExecutorType.THREAD_POOL;

  /**
   * Maximum number of runs at once. Defaults to 10 for 'thread-pool' and to no limit for
   * 'virtual-threads'; 'direct' takes none.
   */
  private @Nullable Integer maxWorkers;

  /** Prefix of the names of the executor's threads. Defaults to 'scheduler-', the alias and '-'. */
  private @Nullable String threadNamePrefix;

  public SchedulerProperties.ExecutorType getType() {
    return type;
  }

  public void setType(SchedulerProperties.ExecutorType type) {
    this.type = type;
  }

  public @Nullable Integer getMaxWorkers() {
    return maxWorkers;
  }

  public void setMaxWorkers(@Nullable Integer maxWorkers) {
    this.maxWorkers = maxWorkers;
  }

  public @Nullable String getThreadNamePrefix() {
    return threadNamePrefix;
  }

  public void setThreadNamePrefix(@Nullable String threadNamePrefix) {
    this.threadNamePrefix = threadNamePrefix;
  }
}
