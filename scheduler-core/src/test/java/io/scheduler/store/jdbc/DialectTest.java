package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each {@link Dialect} reads its database's failures: what to retry, what is a duplicate key. */
class DialectTest {

  @ParameterizedTest
  @CsvSource({
    "POSTGRESQL, 40001, 0, true",
    "POSTGRESQL, 40P01, 0, true",
    "POSTGRESQL, 23505, 0, false",
    "POSTGRESQL, 57014, 0, false",
    "MYSQL, 40001, 1213, true",
    "MYSQL, HY000, 1205, true",
    "MYSQL, 23000, 1062, false",
    "MARIADB, HY000, 1205, true",
    "MARIADB, 40001, 1213, true",
    "MARIADB, 42S02, 1146, false",
    "H2, 40001, 40001, true",
    "H2, HYT00, 50200, true",
    "H2, 42S02, 42102, false"
  })
  void deadlocksAndLockTimeoutsAreRetried(
      Dialect dialect, String state, int code, boolean retried) {
    SQLException failure = new SQLException("failed", state, code);

    assertThat(dialect.isTransient(failure)).isEqualTo(retried);
    assertThat(dialect.isTransient(new SQLException("wrapped", "08000", 0, failure)))
        .as("found among the causes")
        .isEqualTo(retried);
  }

  @ParameterizedTest
  @CsvSource({
    "POSTGRESQL, 23505, 0, true",
    "POSTGRESQL, 23503, 0, false",
    "MYSQL, 23000, 1062, true",
    "MYSQL, 23000, 1452, false",
    "MARIADB, 23000, 1062, true",
    "H2, 23505, 23505, true",
    "H2, 23506, 23506, false"
  })
  void duplicateKeysAreRecognised(Dialect dialect, String state, int code, boolean duplicate) {
    SQLException failure = new SQLException("failed", state, code);

    assertThat(dialect.isDuplicateKey(failure)).isEqualTo(duplicate);
    assertThat(dialect.isDuplicateKey(new SQLException("wrapped", "HY000", 0, failure)))
        .isEqualTo(duplicate);
  }
}
