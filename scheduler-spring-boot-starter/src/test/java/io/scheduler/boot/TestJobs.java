package io.scheduler.boot;

import io.scheduler.job.TaskContext;
import io.scheduler.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Shared fixtures: a clock at a fixed non-UTC instant, and a bean that records its runs. */
public final class TestJobs {

  /** Monday 2026-03-02 09:00 in Berlin. */
  public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  /** The zone of the test clock. */
  public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** How long a test waits for a background thread before failing. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private TestJobs() {}

  /**
   * Returns a clock standing at {@link #START} in Berlin.
   *
   * @return a new clock
   */
  public static MutableClock clock() {
    return MutableClock.at(START, BERLIN);
  }

  /** A bean whose methods record each call; tests take the calls from {@link #runs}. */
  public static class Recorder {

    private final BlockingQueue<String> runs = new LinkedBlockingQueue<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    /** Records a run of {@code run}. */
    public void run() {
      record("run");
    }

    /**
     * Records a run with its arguments.
     *
     * @param name a text argument
     * @param times a number argument
     */
    public void greet(String name, int times) {
      record("greet " + name + " x" + times);
    }

    /**
     * Records a run with its context.
     *
     * @param context the run's context
     */
    public void withContext(TaskContext context) {
      record("context " + context.jobId() + " " + context.scheduledRunTime());
    }

    /**
     * Records a call.
     *
     * @param what what ran
     */
    public void record(String what) {
      threads.add(Thread.currentThread().getName());
      runs.add(what);
    }

    /**
     * Waits for the next recorded run.
     *
     * @return what ran
     * @throws InterruptedException when interrupted
     */
    public String next() throws InterruptedException {
      String run = runs.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (run == null) {
        throw new AssertionError("no run within " + TIMEOUT);
      }
      return run;
    }

    /**
     * Returns the runs not yet taken.
     *
     * @return the pending runs
     */
    public List<String> pending() {
      return List.copyOf(runs);
    }

    /**
     * Returns the names of the threads that ran.
     *
     * @return the thread names
     */
    public List<String> threads() {
      return List.copyOf(threads);
    }
  }

  /** A public static task for {@code com.example.Type::method} references. */
  public static final class StaticTasks {

    /** The runs of {@link #ping}. */
    public static final BlockingQueue<String> RUNS = new LinkedBlockingQueue<>();

    private StaticTasks() {}

    /**
     * Records a run.
     *
     * @param what what to record
     */
    public static void ping(String what) {
      RUNS.add(what);
    }

    /**
     * Records the run's args and kwargs, read through its context.
     *
     * @param context the run's context
     */
    public static void fromContext(io.scheduler.job.TaskContext context) {
      RUNS.add(context.args() + " " + context.kwargs());
    }
  }
}
