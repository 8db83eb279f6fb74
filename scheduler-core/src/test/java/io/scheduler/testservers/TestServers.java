package io.scheduler.testservers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Finds the real servers the integration tests talk to (DESIGN.md §6), in this order: the
 * environment variable ({@code SCHEDULER_TEST_POSTGRES_URL}, {@code SCHEDULER_TEST_MARIADB_URL},
 * {@code SCHEDULER_TEST_REDIS_URL}); otherwise a Testcontainers container when a Docker engine is
 * reachable (started once per JVM); otherwise the test is skipped with a message naming the
 * variable, except when {@code CI=true}, where the missing server fails the test.
 */
public final class TestServers {

  /** The variable with PostgreSQL's JDBC URL (user and password as URL parameters). */
  public static final String POSTGRES = "SCHEDULER_TEST_POSTGRES_URL";

  /** The variable with MariaDB's (or MySQL's) JDBC URL. */
  public static final String MARIADB = "SCHEDULER_TEST_MARIADB_URL";

  /** The variable with Redis's URL, {@code redis://host:port}. */
  public static final String REDIS = "SCHEDULER_TEST_REDIS_URL";

  private static final Map<String, String> STARTED = new ConcurrentHashMap<>();

  private TestServers() {}

  /**
   * Returns PostgreSQL's JDBC URL, for example {@code
   * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}.
   *
   * @return the URL
   */
  public static String postgresUrl() {
    return resolve(
        POSTGRES,
        "postgres:16-alpine",
        5432,
        Map.of("POSTGRES_HOST_AUTH_METHOD", "trust", "POSTGRES_DB", "test"),
        port -> "jdbc:postgresql://127.0.0.1:" + port + "/test?user=postgres");
  }

  /**
   * Returns MariaDB's JDBC URL, for example {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}.
   *
   * @return the URL
   */
  public static String mariadbUrl() {
    return resolve(
        MARIADB,
        "mariadb:11",
        3306,
        Map.of("MARIADB_ALLOW_EMPTY_ROOT_PASSWORD", "1", "MARIADB_DATABASE", "test"),
        port -> "jdbc:mariadb://127.0.0.1:" + port + "/test?user=root");
  }

  /**
   * Returns Redis's URL, for example {@code redis://127.0.0.1:6379}.
   *
   * @return the URL
   */
  public static String redisUrl() {
    return resolve(REDIS, "redis:7-alpine", 6379, Map.of(), port -> "redis://127.0.0.1:" + port);
  }

  private static String resolve(
      String variable,
      String image,
      int port,
      Map<String, String> env,
      Function<Integer, String> url) {
    String configured = System.getenv(variable);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return STARTED.computeIfAbsent(variable, v -> startContainer(v, image, port, env, url));
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
  private static String startContainer(
      String variable,
      String image,
      int port,
      Map<String, String> env,
      Function<Integer, String> url) {
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      docker = false;
    }
    if (!docker) {
      String message =
          "no server for this test: set "
              + variable
              + " (see DESIGN.md §6 and .ci/run) or make a Docker engine reachable";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(message + "; CI=true, so a missing server fails the build");
      }
      assumeTrue(false, message);
    }
    GenericContainer<?> container =
        new GenericContainer<>(image)
            .withExposedPorts(port)
            .withEnv(env)
            .waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(2)));
    container.start();
    return url.apply(container.getMappedPort(port));
  }
}
