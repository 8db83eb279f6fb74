package io.scheduler.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JobSpec}'s settings besides id, task and trigger. Specs that set none share {@link
 * #DEFAULTS}; a builder copies the options before its first change, so a built spec's options never
 * change afterwards.
 */
final class SpecOptions {

  /** No option set: what most jobs use, shared. */
  static final SpecOptions DEFAULTS = new SpecOptions();

  @Nullable String name;
  @Nullable TaskRef taskRef;
  List<Object> args = List.of();
  Map<String, Object> kwargs = Map.of();
  @Nullable String triggerAlias;
  Map<String, Object> triggerOptions = Map.of();
  boolean misfireGraceTimeIsSet;
  @Nullable Duration misfireGraceTime;
  @Nullable CoalescePolicy coalesce;
  @Nullable Integer maxInstances;
  boolean nextRunTimeIsSet;
  @Nullable Instant nextRunTime;
  String jobStore = JobSpec.DEFAULT_ALIAS;
  String executor = JobSpec.DEFAULT_ALIAS;
  boolean replaceExisting;

  /** Returns a copy to change. */
  SpecOptions copy() {
    SpecOptions copy = new SpecOptions();
    copy.name = name;
    copy.taskRef = taskRef;
    copy.args = args;
    copy.kwargs = kwargs;
    copy.triggerAlias = triggerAlias;
    copy.triggerOptions = triggerOptions;
    copy.misfireGraceTimeIsSet = misfireGraceTimeIsSet;
    copy.misfireGraceTime = misfireGraceTime;
    copy.coalesce = coalesce;
    copy.maxInstances = maxInstances;
    copy.nextRunTimeIsSet = nextRunTimeIsSet;
    copy.nextRunTime = nextRunTime;
    copy.jobStore = jobStore;
    copy.executor = executor;
    copy.replaceExisting = replaceExisting;
    return copy;
  }
}
