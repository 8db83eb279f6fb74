package io.scheduler.trigger;

import io.scheduler.trigger.cron.CronSchedule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The wall-clock model (DESIGN §4): every matching local wall time fires; a wall time inside a
 * spring-forward gap fires at the instant it maps to with the pre-transition offset; a wall time
 * that occurs twice fires at both occurrences (or the first only, by {@link DstOverlap}); fire
 * times strictly increase.
 */
final class WallClock {

  private WallClock() {}

  /**
   * The first fire instant at or after {@code from} (a whole second) whose wall time in {@code
   * zone} matches {@code schedule}, searching no later than {@code lastYear}.
   */
  static @Nullable Instant firstAtOrAfter(
      CronSchedule schedule, ZoneId zone, Instant from, int lastYear, DstOverlap overlap) {
    ZoneRules rules = zone.getRules();
    if (rules.isFixedOffset()) {
      ZoneOffset offset = rules.getOffset(from);
      LocalDateTime wall = schedule.next(LocalDateTime.ofInstant(from, offset), lastYear);
      return wall == null ? null : wall.toInstant(offset);
    }
    LocalDateTime wallOfFrom = LocalDateTime.ofInstant(from, zone);
    LocalDateTime searchFrom = wallOfFrom;
    ZoneOffsetTransition previous = rules.previousTransition(from.plusNanos(1));
    if (previous != null
        && previous.isGap()
        && from.isBefore(previous.getInstant().plus(previous.getDuration()))) {
      // Just after a gap, wall times inside the gap map to instants at or after `from`.
      searchFrom = LocalDateTime.ofInstant(from, previous.getOffsetBefore());
    }
    Instant result = null;
    while (true) {
      LocalDateTime wall = schedule.next(searchFrom, lastYear);
      if (wall == null) {
        break;
      }
      List<ZoneOffset> offsets = rules.getValidOffsets(wall);
      if (offsets.size() == 1) {
        Instant instant = wall.toInstant(offsets.get(0));
        if (!instant.isBefore(from)) {
          result = instant;
          break;
        }
        // A real wall time between the gap's end and `from`: already past.
        LocalDateTime after = wall.plusSeconds(1);
        searchFrom = after.isAfter(wallOfFrom) ? after : wallOfFrom;
        continue;
      }
      if (offsets.isEmpty()) {
        // A gap: read the wall time with the offset before the transition.
        ZoneOffsetTransition gap = rules.getTransition(wall);
        Instant instant = wall.toInstant(gap.getOffsetBefore());
        if (!instant.isBefore(from)) {
          result =
              earlierRealTimeAfterGap(schedule, rules, gap, wallOfFrom, from, instant, lastYear);
          break;
        }
        searchFrom = wall.plusSeconds(1);
        continue;
      }
      Instant first = wall.toInstant(offsets.get(0));
      Instant second = wall.toInstant(offsets.get(1));
      if (!first.isBefore(from)) {
        result = first;
        break;
      }
      if (overlap == DstOverlap.BOTH && !second.isBefore(from)) {
        result = second;
        break;
      }
      // Both occurrences of this wall time are behind us: continue after the overlap.
      searchFrom = rules.getTransition(wall).getDateTimeBefore();
    }
    if (overlap == DstOverlap.BOTH) {
      Instant repeat = secondPassOfNextOverlap(schedule, rules, from, result, lastYear);
      if (repeat != null) {
        result = repeat;
      }
    }
    return result;
  }

  /**
   * A gap wall time moves forward by the gap's length, so when the gap is not a whole number of
   * matching steps (Lord Howe's 30 minutes) a real wall time just after the gap can come first:
   * 02:10 maps to 02:40 while 02:35 is real.
   */
  private static Instant earlierRealTimeAfterGap(
      CronSchedule schedule,
      ZoneRules rules,
      ZoneOffsetTransition gap,
      LocalDateTime wallOfFrom,
      Instant from,
      Instant gapFire,
      int lastYear) {
    LocalDateTime afterGap =
        wallOfFrom.isAfter(gap.getDateTimeAfter()) ? wallOfFrom : gap.getDateTimeAfter();
    LocalDateTime real = schedule.next(afterGap, lastYear);
    if (real == null) {
      return gapFire;
    }
    List<ZoneOffset> offsets = rules.getValidOffsets(real);
    if (offsets.isEmpty()) {
      return gapFire;
    }
    Instant realFire = real.toInstant(offsets.get(0));
    return realFire.isBefore(gapFire) && !realFire.isBefore(from) ? realFire : gapFire;
  }

  /**
   * Wall times repeated by a fall-back transition after {@code from} fire a second time once the
   * clocks have gone back; that instant may come before {@code candidate}.
   */
  private static @Nullable Instant secondPassOfNextOverlap(
      CronSchedule schedule,
      ZoneRules rules,
      Instant from,
      @Nullable Instant candidate,
      int lastYear) {
    ZoneOffsetTransition transition = rules.nextTransition(from.minusNanos(1));
    if (transition == null
        || !transition.isOverlap()
        || (candidate != null && candidate.isBefore(transition.getInstant()))) {
      return null;
    }
    LocalDateTime wall = schedule.next(transition.getDateTimeAfter(), lastYear);
    if (wall == null || !wall.isBefore(transition.getDateTimeBefore())) {
      return null;
    }
    Instant repeat = wall.toInstant(transition.getOffsetAfter());
    return candidate == null || repeat.isBefore(candidate) ? repeat : null;
  }
}
