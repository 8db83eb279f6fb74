package io.scheduler.boot.redis;

import java.util.List;

/**
 * The keys of one {@link RedisJobStore} under its prefix, in the order every Lua script receives
 * them as {@code KEYS} (see the store's Javadoc for what each holds).
 */
final class RedisKeys {

  /** The key names after the prefix, in {@code KEYS} order. */
  static final List<String> NAMES =
      List.of(
          "jobs",
          "versions",
          "schedule",
          "run_times",
          "acquired",
          "acquisitions",
          "claimed_through",
          "runs",
          "run_leases",
          "running",
          "sequence",
          "completed");

  private final String prefix;
  private final List<String> all;

  RedisKeys(String prefix) {
    this.prefix = prefix;
    this.all = NAMES.stream().map(name -> prefix + name).toList();
  }

  /** Every key, in {@code KEYS} order. */
  List<String> all() {
    return all;
  }

  /** The hash of job id to JobJson. */
  String jobs() {
    return all.get(0);
  }

  /** The sorted set of scheduled, unacquired job ids by next run time. */
  String runTimes() {
    return all.get(3);
  }

  /** The hash of run id to claim. */
  String runs() {
    return all.get(7);
  }

  /** The pub/sub channel on which changes are announced. */
  String channel() {
    return prefix + "changes";
  }
}
