package io.scheduler.benchmarks.engine;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one workload against one contender in a fresh JVM: this process's java binary and class
 * path, {@link #FLAGS} and {@link EngineChild} as the main class. The child's output goes to a
 * temporary file, so a chatty child cannot block on a full pipe; a child that outlives the
 * workload's timeout is killed.
 */
final class ChildJvm {

  /**
   * The JVM flags of every child: a fixed 4 GB heap (no resizing during the measured loops, room
   * for a million jobs), G1, and the heap touched at start-up so page faults stay out of the loops.
   */
  static final List<String> FLAGS =
      List.of("-Xms4g", "-Xmx4g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch");

  private static final int TAIL_LINES = 20;

  private ChildJvm() {}

  static Outcome run(Workload workload, Contenders contender)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(FLAGS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EngineChild.class.getName());
    command.add(workload.name());
    command.add(contender.id());

    Path output = Files.createTempFile("engine-" + workload + "-" + contender.id() + "-", ".log");
    try {
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      Thread killer = new Thread(process::destroyForcibly);
      Runtime.getRuntime().addShutdownHook(killer);
      boolean exited;
      try {
        exited = process.waitFor(workload.timeout().toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
          process.destroyForcibly().waitFor();
        }
      } finally {
        Runtime.getRuntime().removeShutdownHook(killer);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      List<String> lines =
          new String(Files.readAllBytes(output), Charset.defaultCharset()).lines().toList();
      if (!exited) {
        return Outcome.failed(
            "timed out after " + workload.timeout().toSeconds() + " s" + tail(lines), elapsed);
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
      Files.deleteIfExists(output);
    }
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
