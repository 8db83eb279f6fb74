package io.scheduler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.exception.JobStoreException;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The time encodings every persistent store shares. */
class StoredTimesTest {

  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  @Test
  void runTimesAreKeptToTheMicrosecondAndRoundedUpNeverDown() {
    Instant exact = NOW.plusNanos(123_456_000);
    Instant finer = NOW.plusNanos(123_456_001);

    assertThat(StoredTimes.fromMicros(StoredTimes.ceilMicros(exact))).isEqualTo(exact);
    assertThat(StoredTimes.fromMicros(StoredTimes.ceilMicros(finer)))
        .isEqualTo(NOW.plusNanos(123_457_000));
    assertThat(StoredTimes.floorMicros(finer)).isEqualTo(StoredTimes.ceilMicros(exact));
    Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999999Z");
    assertThat(StoredTimes.fromMicros(StoredTimes.ceilMicros(beforeEpoch))).isEqualTo(beforeEpoch);
    assertThat(StoredTimes.floorMicros(beforeEpoch.plusNanos(1))).isEqualTo(-1L);
  }

  @Test
  void instantsBeyondTheRangeOfMicrosecondsClamp() {
    assertThat(StoredTimes.ceilMicros(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
    assertThat(StoredTimes.floorMicros(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
    assertThat(StoredTimes.floorMicros(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void instantsAreWrittenExactlyAsInstantToStringWritesThem() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 10_000; i++) {
      long seconds = random.nextLong(-70_000_000_000L, 260_000_000_000L);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant time = Instant.ofEpochSecond(seconds, nanos);
      StringBuilder written = new StringBuilder();

      StoredTimes.appendInstant(written, time);

      assertThat(written.toString()).isEqualTo(time.toString());
    }
  }

  @Test
  void runTimesSurviveTheirJsonForm() {
    List<Instant> runTimes = List.of(NOW, NOW.plusNanos(1), NOW.plusSeconds(60).plusMillis(5));

    String json = StoredTimes.runTimesToJson(runTimes);

    assertThat(json)
        .isEqualTo(
            "[\"2026-03-02T08:00:00Z\",\"2026-03-02T08:00:00.000000001Z\","
                + "\"2026-03-02T08:01:00.005Z\"]");
    assertThat(StoredTimes.runTimesFromJson(json)).isEqualTo(runTimes);
    assertThat(StoredTimes.runTimesFromJson(StoredTimes.runTimesToJson(List.of()))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[\"tomorrow\"]", "{\"a\":1}", "null", "[\"2026-03-02T08:00:00Z\""})
  void corruptRunTimesAreAStoreFailure(String json) {
    assertThatThrownBy(() -> StoredTimes.runTimesFromJson(json))
        .isInstanceOf(JobStoreException.class)
        .hasMessage("a run has corrupt run times: " + json);
  }
}
