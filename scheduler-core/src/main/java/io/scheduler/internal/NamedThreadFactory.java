package io.scheduler.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon {@link WorkerThread}s named {@code <prefix><n>}, counting from 1. */
public final class NamedThreadFactory implements ThreadFactory {

  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  /**
   * Creates the factory.
   *
   * @param prefix the start of every thread name, such as {@code scheduler-default-}
   */
  public NamedThreadFactory(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable run) {
    Thread thread = new WorkerThread(run, prefix + count.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
