package io.scheduler.boot.autoconfigure;

import io.scheduler.executor.JobExecutor;
import io.scheduler.executor.JobExecutors;
import java.util.Locale;

/**
 * The one place the starter turns {@code scheduler.executors.<alias>} into a {@link JobExecutor}: a
 * thread pool, virtual threads or the direct executor, with errors naming the key.
 */
final class ExecutorFactory {

  private ExecutorFactory() {}

  static JobExecutor create(String alias, ExecutorProperties executor) {
    String prefix = "scheduler.executors." + alias + ".";
    Integer maxWorkers = executor.getMaxWorkers();
    if (maxWorkers != null) {
      SchedulerConfigurer.positive(prefix + "max-workers", maxWorkers);
    }
    String threadNamePrefix = executor.getThreadNamePrefix();
    if (threadNamePrefix != null) {
      SchedulerConfigurer.nonEmpty(prefix + "thread-name-prefix", threadNamePrefix);
    }
    SchedulerProperties.ExecutorType type = executor.getType();
    try {
      return switch (type) {
        case THREAD_POOL ->
            JobExecutors.threadPool(
                maxWorkers != null ? maxWorkers : JobExecutors.DEFAULT_MAX_WORKERS,
                threadNamePrefix);
        case VIRTUAL_THREADS ->
            maxWorkers != null
                ? JobExecutors.virtualThreads(maxWorkers, threadNamePrefix)
                : JobExecutors.virtualThreads(threadNamePrefix);
        case DIRECT -> {
          if (maxWorkers != null) {
            throw new InvalidSchedulerPropertyException(
                prefix + "max-workers",
                maxWorkers,
                "unset for a direct executor",
                prefix
                    + "max-workers does not apply to a direct executor, but was '"
                    + maxWorkers
                    + "'",
                null);
          }
          yield JobExecutors.direct();
        }
      };
    } catch (IllegalStateException e) {
      // virtual threads on Java 17 to 20
      String value = type.name().toLowerCase(Locale.ROOT).replace('_', '-');
      throw new InvalidSchedulerPropertyException(
          prefix + "type",
          value,
          "thread-pool or direct on this Java version",
          prefix + "type is '" + value + "', which this JVM cannot run: " + e.getMessage(),
          e);
    }
  }
}
