package io.scheduler.internal.engine;

import org.jspecify.annotations.Nullable;

/**
 * Which thread runs the engine's processing loop: what makes a background, a blocking and a manual
 * scheduler differ.
 */
public interface Processing {

  /**
   * Starts running {@code loop}; called at the end of {@code start}, outside any lock.
   *
   * @param loop the engine's processing loop, which returns when the scheduler stops
   */
  void start(Runnable loop);

  /** Stops what {@link #start} started; called by {@code shutdown}. */
  void stop();

  /**
   * Processing on a thread of its own, named {@code name}: {@code start} returns at once.
   *
   * @param name the thread's name
   * @param daemon whether the thread is a daemon
   * @return the processing
   */
  static Processing ownThread(String name, boolean daemon) {
    return new Processing() {
      private @Nullable Thread thread;

      @Override
      public synchronized void start(Runnable loop) {
        Thread started = new Thread(loop, name);
        started.setDaemon(daemon);
        thread = started;
        started.start();
      }

      @Override
      public void stop() {
        Thread loop;
        synchronized (this) {
          loop = thread;
          thread = null;
        }
        if (loop == null || loop == Thread.currentThread()) {
          return;
        }
        try {
          loop.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  /**
   * Processing on the thread that starts the scheduler: {@code start} returns at shutdown.
   *
   * @return the processing
   */
  static Processing callingThread() {
    return new Processing() {
      @Override
      public void start(Runnable loop) {
        loop.run();
      }

      @Override
      public void stop() {
        // The loop sees the stopped state once woken, and start() returns.
      }
    };
  }

  /**
   * No loop: passes run only when the owner asks for them (the test kit's manual scheduler).
   *
   * @return the processing
   */
  static Processing onDemand() {
    return new Processing() {
      @Override
      public void start(Runnable loop) {
        // Passes run only when asked for.
      }

      @Override
      public void stop() {
        // No thread to stop.
      }
    };
  }
}
