package io.scheduler.trigger;

/**
 * What a wall-clock trigger does with a local time that occurs twice when clocks fall back (for
 * example 01:30 on the first Sunday of November in New York).
 */
public enum DstOverlap {
  /** Fire at both occurrences, as APScheduler and an hourly job expect (the default). */
  BOTH,
  /** Fire only at the first occurrence, so a fixed-time job runs once on fall-back days. */
  FIRST
}
