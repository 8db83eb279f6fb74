package io.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link JobIds}: APScheduler's id shape (32 hex digits), unique per generator and across them. */
class JobIdsTest {

  @Test
  void idsAre32LowercaseHexDigits() {
    String id = new JobIds().next();

    assertThat(id).hasSize(32).matches("[0-9a-f]{32}");
  }

  @Test
  void oneGeneratorNeverRepeatsAndCountsInItsLastDigits() {
    JobIds ids = new JobIds();
    Set<String> seen = new HashSet<>();
    String first = ids.next();
    seen.add(first);
    for (int i = 0; i < 99_999; i++) {
      assertThat(seen.add(ids.next())).isTrue();
    }
    String next = ids.next();

    assertThat(next).startsWith(first.substring(0, 16));
    assertThat(Long.parseUnsignedLong(next.substring(16), 16))
        .isEqualTo(Long.parseUnsignedLong(first.substring(16), 16) + 100_000);
  }

  @Test
  void twoGeneratorsDrawDifferentPrefixes() {
    String a = new JobIds().next();
    String b = new JobIds().next();

    assertThat(a.substring(0, 16)).isNotEqualTo(b.substring(0, 16));
    assertThat(a).isNotEqualTo(b);
  }
}
