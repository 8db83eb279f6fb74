package io.scheduler.trigger;

import io.scheduler.exception.InvalidTriggerException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What {@link AndTrigger} and {@link OrTrigger} share: the sub-triggers, the zone results are
 * reported in, a jitter applied to the combined fire time, and the JSON/text forms. Sub-triggers'
 * own jitter is not applied inside a combination.
 */
abstract sealed class CombiningTrigger implements BuiltInTrigger permits AndTrigger, OrTrigger {

  final List<Trigger> triggers;
  final ZoneId zone;
  final @Nullable Duration jitter;

  CombiningTrigger(List<Trigger> triggers, @Nullable ZoneId zone, @Nullable Duration jitter) {
    if (triggers == null || triggers.isEmpty()) {
      throw new InvalidTriggerException(
          "triggers",
          triggers,
          alias() + " trigger needs at least one sub-trigger, but was " + triggers);
    }
    for (Trigger trigger : triggers) {
      if (trigger == null) {
        throw new InvalidTriggerException("triggers", null, alias() + " trigger: null sub-trigger");
      }
      if (trigger instanceof IntervalTrigger interval && !interval.isAnchored()) {
        throw new InvalidTriggerException(
            "triggers",
            trigger,
            alias()
                + " trigger: an interval sub-trigger needs a start_date, so that its own sequence"
                + " is defined ("
                + trigger
                + ")");
      }
    }
    this.triggers = List.copyOf(triggers);
    this.zone = zone != null ? zone : defaultZone(this.triggers);
    this.jitter = Jitter.check(alias(), jitter);
  }

  private static ZoneId defaultZone(List<Trigger> triggers) {
    return triggers.get(0) instanceof BuiltInTrigger builtIn ? builtIn.zone() : ZoneOffset.UTC;
  }

  /**
   * Returns the combined triggers, in the order given.
   *
   * @return the sub-triggers
   */
  public List<Trigger> triggers() {
    return triggers;
  }

  ZonedDateTime jittered(ZonedDateTime fire) {
    return Jitter.apply(fire, jitter, hashCode());
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    List<Map<String, Object>> parts = new ArrayList<>();
    for (Trigger trigger : triggers) {
      parts.add(TriggerJson.toMap(trigger));
    }
    options.put("triggers", parts);
    options.put("timezone", zone.getId());
    if (jitter != null) {
      options.put("jitter", jitter.toString());
    }
    return options;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof CombiningTrigger that
        && getClass() == that.getClass()
        && triggers.equals(that.triggers)
        && zone.equals(that.zone)
        && Objects.equals(jitter, that.jitter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(alias(), triggers, zone, jitter);
  }

  @Override
  public String toString() {
    return triggers.stream()
        .map(Object::toString)
        .collect(Collectors.joining(", ", alias() + "[", "]"));
  }
}
