package io.scheduler.job;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * The tasks {@link Task#of} adapts a {@link Runnable} or {@link Callable} to: plain classes rather
 * than lambdas, since a job is added per call and a capturing lambda is created through its call
 * site's method handle until the JIT has compiled the caller, a cost a burst of adds meets cold.
 */
final class Adapters {

  private Adapters() {}

  /** Runs a {@link Runnable} and returns {@code null}. */
  record RunnableTask(Runnable runnable) implements Task {
    @Override
    public @Nullable Object run(TaskContext context) {
      runnable.run();
      return null;
    }
  }

  /** Returns what a {@link Callable} returns. */
  record CallableTask(Callable<?> callable) implements Task {
    @Override
    public @Nullable Object run(TaskContext context) throws Exception {
      return callable.call();
    }
  }
}
