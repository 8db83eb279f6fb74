package io.scheduler.benchmarks.harness;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM: this process's java binary and class path, the given flags, main class and
 * arguments. Its output goes to a temporary file, so a chatty child cannot block on a full pipe;
 * the parent can read the lines written so far ({@link #newLines()}) and write lines to the child's
 * standard input ({@link #send}), which is how a group of children is started and stopped together.
 * A child that outlives its timeout is killed, and so is every child still running when the parent
 * exits.
 */
public final class ChildJvm {

  private static final int TAIL_LINES = 20;
  private static final long POLL_MILLIS = 10;

  private final Process process;
  private final Path output;
  private final Thread killer;
  private final long start = System.nanoTime();
  private final StringBuilder partialLine = new StringBuilder();
  private long readOffset;

  private ChildJvm(Process process, Path output) {
    this.process = process;
    this.output = output;
    this.killer = new Thread(process::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /**
   * Starts a child.
   *
   * @param label names the temporary output file
   * @param flags the JVM flags
   * @param mainClass the child's main class
   * @param args the arguments of its {@code main}
   * @return the running child
   * @throws IOException if the output file cannot be created or the JVM not started
   */
  public static ChildJvm start(
      String label, List<String> flags, Class<?> mainClass, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(flags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    Path output = Files.createTempFile(label + "-", ".log");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(output);
      throw e;
    }
    try {
      return new ChildJvm(process, output);
    } catch (IllegalStateException e) {
      // The parent is shutting down: no hook would kill the child.
      process.destroyForcibly();
      Files.deleteIfExists(output);
      throw e;
    }
  }

  /**
   * Runs a child to its end: {@link #start} then {@link #finish}.
   *
   * @param label names the temporary output file
   * @param flags the JVM flags
   * @param mainClass the child's main class
   * @param args the arguments of its {@code main}
   * @param timeout how long the child may run before it is killed
   * @return its measurement, or why there is none
   * @throws IOException if the child cannot be started or its output read
   * @throws InterruptedException if interrupted while waiting for the child
   */
  public static Outcome run(
      String label, List<String> flags, Class<?> mainClass, List<String> args, Duration timeout)
      throws IOException, InterruptedException {
    return start(label, flags, mainClass, args).finish(timeout);
  }

  /**
   * Returns the complete lines the child wrote since the previous call.
   *
   * @return the new lines, oldest first
   * @throws IOException if the output cannot be read
   */
  public List<String> newLines() throws IOException {
    byte[] bytes;
    try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "r")) {
      long length = file.length();
      if (length <= readOffset) {
        return List.of();
      }
      bytes = new byte[(int) (length - readOffset)];
      file.seek(readOffset);
      file.readFully(bytes);
      readOffset = length;
    }
    partialLine.append(new String(bytes, Charset.defaultCharset()));
    List<String> lines = new ArrayList<>();
    int newline;
    while ((newline = partialLine.indexOf("\n")) >= 0) {
      lines.add(partialLine.substring(0, newline).stripTrailing());
      partialLine.delete(0, newline + 1);
    }
    return lines;
  }

  /**
   * Waits until the child writes a line equal to {@code line}, skipping the lines before it.
   *
   * @param line the line to wait for
   * @param timeout how long to wait
   * @return true once the line came; false when the timeout passed or the child exited first
   * @throws IOException if the output cannot be read
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitLine(String line, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean exited = !process.isAlive();
      if (newLines().contains(line)) {
        return true;
      }
      if (exited || System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /**
   * Writes a line to the child's standard input.
   *
   * @param line the line, without a line separator
   * @return false when the child's input is closed (it exited), true otherwise
   */
  public boolean send(String line) {
    try {
      Writer input = new OutputStreamWriter(process.getOutputStream(), Charset.defaultCharset());
      input.write(line);
      input.write('\n');
      input.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Returns whether the child is still running.
   *
   * @return true until it exits
   */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits for the child to exit (killing it after {@code timeout}), parses its result line and
   * deletes its output file.
   *
   * @param timeout how long to wait
   * @return its measurement, or why there is none
   * @throws IOException if the output cannot be read
   * @throws InterruptedException if interrupted while waiting
   */
  public Outcome finish(Duration timeout) throws IOException, InterruptedException {
    try {
      boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        process.destroyForcibly().waitFor();
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      List<String> lines =
          new String(Files.readAllBytes(output), Charset.defaultCharset()).lines().toList();
      if (!exited) {
        return Outcome.failed(
            "timed out after " + timeout.toSeconds() + " s" + tail(lines), elapsed);
      }
      if (process.exitValue() != 0) {
        return Outcome.failed("exit code " + process.exitValue() + tail(lines), elapsed);
      }
      for (String line : lines) {
        Optional<Measurement> measurement = Measurement.parse(line);
        if (measurement.isPresent()) {
          return Outcome.succeeded(measurement.get(), elapsed);
        }
      }
      return Outcome.failed("no " + Measurement.PREFIX + " line" + tail(lines), elapsed);
    } finally {
      kill();
    }
  }

  /**
   * Kills the child if it still runs and deletes its output file; idempotent.
   *
   * @throws IOException if the output file cannot be deleted
   * @throws InterruptedException if interrupted while waiting for the child to die
   */
  public void kill() throws IOException, InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // The parent is exiting: the hook is running or has run.
    }
    Files.deleteIfExists(output);
  }

  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** The last lines of the child's output, indented under the failure. */
  private static String tail(List<String> lines) {
    StringBuilder tail = new StringBuilder();
    for (String line : lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())) {
      tail.append(System.lineSeparator()).append("    | ").append(line);
    }
    return tail.toString();
  }
}
