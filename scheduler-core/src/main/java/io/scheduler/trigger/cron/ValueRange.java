package io.scheduler.trigger.cron;

/** One parsed item: every {@code step}-th value from {@code start} to {@code end} inclusive. */
record ValueRange(int start, int end, int step) {

  long toMask() {
    long mask = 0;
    for (int v = start; v <= end; v += step) {
      mask |= 1L << v;
    }
    return mask;
  }

  /** The first value of this range at or after {@code from}, or -1. */
  int nextOrSame(int from) {
    if (from <= start) {
      return start;
    }
    int k = (from - start + step - 1) / step;
    long v = start + (long) k * step;
    return v <= end ? (int) v : -1;
  }
}
