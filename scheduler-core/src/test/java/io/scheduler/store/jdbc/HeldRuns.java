package io.scheduler.store.jdbc;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A public static task whose runs last until a test completes them, named by {@code TaskRef}. */
public final class HeldRuns {

  /** {@code io.scheduler.store.jdbc.HeldRuns::hold}. */
  public static final String HOLD = "io.scheduler.store.jdbc.HeldRuns::hold";

  /** The runs started and not completed yet, oldest first. */
  static final List<CompletableFuture<String>> RUNS = new CopyOnWriteArrayList<>();

  private HeldRuns() {}

  /**
   * Starts a run that lasts until a test completes its future.
   *
   * @return the run's future
   */
  public static CompletableFuture<String> hold() {
    CompletableFuture<String> run = new CompletableFuture<>();
    RUNS.add(run);
    return run;
  }
}
