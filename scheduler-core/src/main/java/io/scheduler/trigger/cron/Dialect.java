package io.scheduler.trigger.cron;

/** The three cron syntaxes we accept; they differ in weekday numbering and step checks. */
enum Dialect {
  /** APScheduler's keyword fields ({@code day_of_week='mon-fri'}): weekday 0 is Monday. */
  FIELDS,
  /** Standard five-field crontab: weekday 0 and 7 are Sunday. */
  CRONTAB,
  /** Spring's six-field {@code CronExpression}: seconds first, Quartz's L, W, # and ?. */
  SPRING;

  /** Whether a step must fit inside its range, as APScheduler requires ({@code *&#47;60}). */
  boolean stepMustFitRange() {
    return this != SPRING;
  }
}
