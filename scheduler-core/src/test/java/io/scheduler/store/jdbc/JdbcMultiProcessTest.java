package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scheduler.job.Job;
import io.scheduler.store.StoredTimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three JVMs ({@link ClusterNodeMain}) share PostgreSQL tables with a 2 s lease; jobs take 2 s
 * each, due over 10 s. One JVM is killed with {@code destroyForcibly()} while it holds claims: the
 * runs it had in flight are recovered and re-run by the others ({@code JobRecovered}), every run
 * completes, and the only runs that started twice are those the killed process had in flight.
 */
@Tag("integration")
class JdbcMultiProcessTest {

  private static final int JOBS = 30;
  private static final long RUN_MILLIS = 2_000;

  private TestDatabase database;
  private String prefix;
  private final List<Process> nodes = new ArrayList<>();

  /** Kills the processes still running, then drops the tables. */
  @AfterEach
  void stop() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void runsInFlightInAKilledProcessAreRecoveredByTheOthersAndNothingElseRepeats() throws Exception {
    database = TestDatabase.postgres();
    prefix = database.freshPrefix("multi_");
    database.createTables(prefix);
    database.execute(
        "CREATE TABLE "
            + prefix
            + "results (job_id VARCHAR(191), run_time VARCHAR(64), node VARCHAR(64),"
            + " phase VARCHAR(16))");
    database.closeWith(prefix + "results", table -> database.execute("DROP TABLE " + table));
    Path logs = Paths.get("target", "multi-process");
    Files.createDirectories(logs);
    for (int i = 0; i < 3; i++) {
      nodes.add(startNode(prefix, "node-" + i, logs));
    }
    await("three nodes are ready")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                count(prefix, "phase = 'ready'") == 3
                    || nodes.stream().anyMatch(n -> !n.isAlive()));
    assertThat(nodes).allMatch(Process::isAlive);

    addJobs(prefix, Instant.now().plusSeconds(1));
    await("node-0 runs jobs and holds claims")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                count(prefix, "node = 'node-0' AND phase = 'start'") >= 1
                    && database.queryLong(
                            "SELECT COUNT(*) FROM " + prefix + "runs WHERE owned_by = 'node-0'")
                        >= 1);
    Process victim = nodes.get(0);
    victim.destroyForcibly();
    assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Set<String> inFlight = new HashSet<>();
    for (List<Object> claim :
        database.query(
            "SELECT job_id, run_times FROM " + prefix + "runs WHERE owned_by = 'node-0'")) {
      for (Instant runTime : StoredTimes.runTimesFromJson((String) claim.get(1))) {
        inFlight.add(claim.get(0) + "@" + runTime);
      }
    }

    await("every run ended")
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                database.queryLong(
                        "SELECT COUNT(DISTINCT job_id || run_time) FROM "
                            + prefix
                            + "results WHERE phase = 'end'")
                    == JOBS);
    for (Process survivor : nodes.subList(1, nodes.size())) {
      survivor.getOutputStream().close();
      if (!survivor.waitFor(30, TimeUnit.SECONDS)) {
        survivor.destroyForcibly();
      }
    }
    Map<String, List<String>> startedBy = rows(prefix, "start");
    Map<String, List<String>> recoveredBy = rows(prefix, "recovered");
    Set<String> repeats =
        startedBy.entrySet().stream()
            .filter(run -> run.getValue().size() > 1)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    System.out.printf(
        "multi-process: %d runs, %d in flight in the killed process, %d recovered by %s, %d"
            + " started twice%n",
        startedBy.size(),
        inFlight.size(),
        recoveredBy.size(),
        recoveredBy.values().stream().flatMap(List::stream).collect(Collectors.toSet()),
        repeats.size());
    assertThat(startedBy).as("every run started").hasSize(JOBS);
    assertThat(inFlight).as("the killed process held claims").isNotEmpty();
    assertThat(recoveredBy.keySet())
        .as("exactly the killed process's runs were recovered")
        .isEqualTo(inFlight);
    assertThat(recoveredBy.values())
        .as("by the surviving processes")
        .allSatisfy(by -> assertThat(by).singleElement().isIn("node-1", "node-2"));
    assertThat(repeats)
        .as("only runs in flight in the killed process started twice")
        .isSubsetOf(inFlight);
    for (String repeat : repeats) {
      assertThat(startedBy.get(repeat))
          .as(repeat)
          .containsExactlyInAnyOrder("node-0", recoveredBy.get(repeat).get(0));
    }
    assertThat(database.queryLong("SELECT COUNT(*) FROM " + prefix + "runs")).isZero();
  }

  private Process startNode(String prefix, String name, Path logs) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xmx128m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            ClusterNodeMain.class.getName(),
            database.url,
            prefix,
            name);
    builder.redirectErrorStream(true);
    builder.redirectOutput(logs.resolve(name + ".log").toFile());
    return database.closeWith(builder.start(), Process::destroyForcibly);
  }

  private void addJobs(String prefix, Instant first) {
    JdbcJobStore loader = TestJobs.loader(database, prefix);
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      Instant due = first.plusMillis(10_000L * i / JOBS);
      jobs.add(TestJobs.oneShot("job-" + i, ClusterNodeMain.WORK, List.of(RUN_MILLIS), due));
    }
    loader.addJobs(jobs);
    loader.shutdown();
  }

  private long count(String prefix, String where) {
    return database.queryLong("SELECT COUNT(*) FROM " + prefix + "results WHERE " + where);
  }

  /** For each run (job@time), the nodes that recorded this phase of it. */
  private Map<String, List<String>> rows(String prefix, String phase) {
    Map<String, List<String>> byRun = new HashMap<>();
    for (List<Object> row :
        database.query(
            "SELECT job_id, run_time, node FROM "
                + prefix
                + "results WHERE phase = '"
                + phase
                + "'")) {
      byRun
          .computeIfAbsent(row.get(0) + "@" + row.get(1), k -> new ArrayList<>())
          .add((String) row.get(2));
    }
    return byRun;
  }
}
