package io.scheduler.benchmarks.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.scheduler.benchmarks.harness.Options;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {

  private static Options<Workload, Contenders> parse(String... args) {
    return Options.parse(args, Workload.ALL, List.of(Contenders.values()));
  }

  @Test
  void everyWorkloadHasAWarmFormAndTheBurstsAndLatenessACold() {
    assertThat(Workload.ALL)
        .extracting(Workload::name)
        .containsExactly("W1", "W1-cold", "W1M", "W1M-cold", "W2", "W2-cold", "W3");
  }

  @Test
  void workloadNamesAreCaseInsensitiveAndKeepTheGivenOrder() {
    Options<Workload, Contenders> options = parse("--workloads", "w1m-cold,W1,w2-COLD");

    assertThat(options.workloads())
        .containsExactly(
            new Workload(Workload.Kind.W1M, Start.COLD),
            new Workload(Workload.Kind.W1, Start.WARM),
            new Workload(Workload.Kind.W2, Start.COLD));
  }

  @Test
  void aWorkloadWithoutAColdFormIsUnknownByThatName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse("--workloads", "W3-cold"))
        .withMessageStartingWith("unknown workload W3-cold; known: [W1, W1-cold");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Workload.byName("W3-cold"))
        .withMessageStartingWith("unknown workload W3-cold; known: [W1, W1-cold");
  }

  @Test
  void byNameFindsWhatTheChildIsGiven() {
    for (Workload workload : Workload.ALL) {
      assertThat(Workload.byName(workload.name())).isEqualTo(workload);
    }
  }

  @Test
  void coldChildrenGetTheDefaultHeapAndWarmOnesTheFixedOne() {
    assertThat(Workload.byName("W1-cold").start().flags()).containsExactly("-XX:+UseG1GC");
    assertThat(Workload.byName("W1").start().flags())
        .containsExactly("-Xms4g", "-Xmx4g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch");
  }

  @Test
  void titlesSayHowTheChildStarted() {
    assertThat(Workload.byName("W1-cold").title())
        .isEqualTo(
            "burst: 200,000 one-shot no-op jobs due now; cold: one burst of 2,000 jobs with the"
                + " same task first, the JVM's default heap");
    assertThat(Workload.byName("W1M").title())
        .isEqualTo(
            "burst: 1,000,000 one-shot no-op jobs due now; warm: 5 s of bursts of 200,000 like"
                + " it first, fixed 4 GB pre-touched heap");
    assertThat(Workload.byName("W2-cold").title()).contains("cold: one burst of 20 jobs");
  }

  @Test
  void theAliasContenderIsRegistered() {
    assertThat(parse("--contenders", "scheduler,scheduler-alias").contenders())
        .containsExactly(Contenders.SCHEDULER, Contenders.SCHEDULER_ALIAS);
  }
}
