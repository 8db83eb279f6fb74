package io.scheduler.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.job.Job;
import io.scheduler.job.JobDefaults;
import io.scheduler.job.JobSpec;
import io.scheduler.job.Task;
import io.scheduler.trigger.IntervalTrigger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The memory store's open-addressing id index against a {@link HashMap}, under random churn. */
class JobTableTest {

  static final Task NO_OP = context -> null;
  static final IntervalTrigger TRIGGER = IntervalTrigger.every(Duration.ofMinutes(1));

  @Test
  void agreesWithAHashMapThroughRandomAddsAndRemoves() {
    JobTable table = new JobTable();
    Map<String, StoredJob> model = new HashMap<>();
    SplittableRandom random = new SplittableRandom(42);
    for (int step = 0; step < 200_000; step++) {
      // Few distinct ids and a table that grows past several resizes: long probe runs, many
      // deletions inside them.
      String id = "job-" + random.nextInt(3_000);
      if (random.nextInt(3) > 0 && !model.containsKey(id)) {
        StoredJob stored = stored(id);
        assertThat(table.addIfAbsent(stored)).isTrue();
        assertThat(table.addIfAbsent(stored(id))).isFalse();
        model.put(id, stored);
      } else {
        assertThat(table.remove(id)).isSameAs(model.remove(id));
      }
      if (step % 1_000 == 0) {
        assertThat(table.size()).isEqualTo(model.size());
        for (int probe = 0; probe < 3_000; probe++) {
          String probeId = "job-" + probe;
          assertThat(table.get(probeId)).as(probeId).isSameAs(model.get(probeId));
        }
      }
    }
    assertThat(table.values()).containsExactlyInAnyOrderElementsOf(model.values());
  }

  @Test
  void clearEmptiesTheTable() {
    JobTable table = new JobTable();
    for (int i = 0; i < 500; i++) {
      table.addIfAbsent(stored("job-" + i));
    }
    table.clear();

    assertThat(table.size()).isZero();
    assertThat(table.get("job-1")).isNull();
    assertThat(table.values()).isEmpty();
  }

  @Test
  void idsWithEqualOrZeroHashCodesAreKeptApart() {
    JobTable table = new JobTable();
    // "Aa" and "BB" share a hash code; "f5a5a608" hashes to 0, the value marking an empty slot.
    StoredJob aa = stored("Aa");
    StoredJob bb = stored("BB");
    StoredJob zero = stored("f5a5a608");
    assertThat("f5a5a608".hashCode()).isZero();
    assertThat(table.addIfAbsent(aa)).isTrue();
    assertThat(table.addIfAbsent(bb)).isTrue();
    assertThat(table.addIfAbsent(zero)).isTrue();
    assertThat(table.addIfAbsent(stored("f5a5a608"))).isFalse();

    assertThat(table.get("f5a5a608")).isSameAs(zero);
    assertThat(table.remove("Aa")).isSameAs(aa);
    assertThat(table.get("BB")).isSameAs(bb);
    assertThat(table.get("Aa")).isNull();
    assertThat(table.remove("f5a5a608")).isSameAs(zero);
    assertThat(table.get("f5a5a608")).isNull();
    assertThat(table.size()).isEqualTo(1);
  }

  private static StoredJob stored(String id) {
    Job job =
        Job.create(
            JobSpec.builder().task(NO_OP).build(),
            id,
            NO_OP,
            TRIGGER,
            JobDefaults.ofDefaults(),
            null);
    return new StoredJob(job);
  }
}
