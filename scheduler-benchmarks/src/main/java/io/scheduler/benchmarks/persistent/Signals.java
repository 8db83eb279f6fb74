package io.scheduler.benchmarks.persistent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/**
 * The lines parent and children exchange when several children run together: a child prints {@value
 * #READY} once set up and waits for {@value #GO} on its standard input, so every node starts at the
 * same moment; a cluster node prints {@value #PROGRESS} lines and runs until {@value #STOP}.
 */
final class Signals {

  /** Printed by a child once it is set up. */
  static final String READY = "READY";

  /** Sent to the children to start the measurement. */
  static final String GO = "GO";

  /** Sent to cluster nodes to shut down and report. */
  static final String STOP = "STOP";

  /** Sent to cluster nodes to write their run counts so far. */
  static final String SNAPSHOT = "SNAPSHOT";

  /** Printed by a cluster node once it wrote its run counts. */
  static final String SNAPSHOT_WRITTEN = "SNAPSHOT-WRITTEN";

  /** Starts a cluster node's progress line, followed by its executions so far. */
  static final String PROGRESS = "PROGRESS ";

  private static final long PROGRESS_MILLIS = 100;

  private static final BufferedReader INPUT =
      new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));

  private Signals() {}

  /** Tells the parent this child is set up. */
  static void ready() {
    print(READY);
  }

  /** Blocks until the parent sends {@code command}. */
  static void await(String command) throws IOException {
    while (!next().equals(command)) {
      // skip
    }
  }

  /** Blocks until the parent sends a line, and returns it. */
  static String next() throws IOException {
    String line = INPUT.readLine();
    if (line == null) {
      throw new IOException("the parent closed the input");
    }
    return line.trim();
  }

  /** Prints {@code line} at once. */
  static void print(String line) {
    System.out.println(line);
    System.out.flush();
  }

  /** Starts a daemon thread printing the recorder's executions every 100 ms. */
  static Thread reportProgress(Recorder recorder) {
    Thread reporter =
        new Thread(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  System.out.println(PROGRESS + recorder.executions());
                  System.out.flush();
                  Thread.sleep(PROGRESS_MILLIS);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "progress");
    reporter.setDaemon(true);
    reporter.start();
    return reporter;
  }

  /** Parses a progress line: the executions, or -1 when {@code line} is not one. */
  static long progress(String line) {
    if (!line.startsWith(PROGRESS)) {
      return -1;
    }
    try {
      return Long.parseLong(line.substring(PROGRESS.length()).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
