package io.scheduler.benchmarks.engine;

import io.scheduler.benchmarks.harness.ContenderInfo;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The registry of contenders, by the name used on the command line; in table order. */
enum Contenders implements ContenderInfo {
  JDK("jdk", JdkContender::new),
  JDK_HAND_OFF("jdk-handoff", JdkHandOffContender::new),
  SPRING("spring", SpringContender::new),
  QUARTZ("quartz", QuartzContender::new),
  SCHEDULER("scheduler", () -> new SchedulerContender(SchedulerContender.TriggerForm.OBJECT)),
  SCHEDULER_ALIAS(
      "scheduler-alias", () -> new SchedulerContender(SchedulerContender.TriggerForm.ALIAS)),
  ;

  /** Worker threads of every contender. */
  static final int WORKERS = 8;

  private final String id;
  private final Supplier<Contender> factory;

  Contenders(String id, Supplier<Contender> factory) {
    this.id = id;
    this.factory = factory;
  }

  /** The name on the command line and in the tables. */
  @Override
  public String id() {
    return id;
  }

  /** A new, not yet started instance. */
  Contender create() {
    return factory.get();
  }

  /** The contender called {@code id}, or an exception naming the known ones. */
  static Contenders byId(String id) {
    for (Contenders contender : values()) {
      if (contender.id.equals(id)) {
        return contender;
      }
    }
    throw new IllegalArgumentException(
        "unknown contender "
            + id
            + "; known: "
            + Arrays.stream(values()).map(Contenders::id).collect(Collectors.joining(", ")));
  }
}
