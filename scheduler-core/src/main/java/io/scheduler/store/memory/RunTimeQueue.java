package io.scheduler.store.memory;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The first-in, first-out lane of {@link MemoryJobStore}: stored jobs appended in non-decreasing
 * key order, so adding and taking the first are O(1) and touch memory in sequence. This is the
 * common case of jobs added for now, or each later than the one before. Removing from the middle
 * leaves an empty slot, reclaimed when the lane runs out of room; an entry's {@link
 * StoredJob#index} encodes its slot. Not thread-safe.
 */
final class RunTimeQueue {

  private static final int INITIAL_CAPACITY = 64;

  private @Nullable StoredJob[] entries = new StoredJob[INITIAL_CAPACITY];
  private long[] micros = new long[INITIAL_CAPACITY];
  private long[] orders = new long[INITIAL_CAPACITY];
  // Slots [head, tail) hold the entries in key order, with nulls where entries were removed;
  // entries[head] is never null unless the lane is empty (then head == tail == 0).
  private int head;
  private int tail;
  private int live;

  boolean isEmpty() {
    return live == 0;
  }

  /** Returns whether a key may be appended: it is not before the last key appended. */
  boolean accepts(long key, long order) {
    return live == 0 || !StoredJob.before(key, order, micros[tail - 1], orders[tail - 1]);
  }

  /** The entry with the smallest key; only when not empty. */
  StoredJob first() {
    return entries[head];
  }

  long firstMicros() {
    return micros[head];
  }

  long firstOrder() {
    return orders[head];
  }

  /** Appends an entry whose key this lane {@link #accepts}. */
  void add(StoredJob entry, long key, long order) {
    if (tail == entries.length) {
      makeRoom();
    }
    entries[tail] = entry;
    micros[tail] = key;
    orders[tail] = order;
    entry.placeInQueue(tail);
    tail++;
    live++;
  }

  /** Removes an entry that is in this lane and marks it as not scheduled. */
  void remove(StoredJob entry) {
    int slot = entry.queueSlot();
    entries[slot] = null;
    entry.index = StoredJob.NOT_SCHEDULED;
    live--;
    if (live == 0) {
      head = 0;
      tail = 0;
    } else if (slot == head) {
      while (entries[head] == null) {
        head++;
      }
    }
  }

  void clear() {
    Arrays.fill(entries, head, tail, null);
    head = 0;
    tail = 0;
    live = 0;
  }

  /**
   * Moves the live entries to the front: in place when at most half the slots are live, else into
   * arrays half as large again. Either way at least a third of the slots come free, so appends stay
   * O(1) amortized.
   */
  private void makeRoom() {
    int capacity =
        live <= entries.length / 2 ? entries.length : entries.length + (entries.length >> 1);
    StoredJob[] toEntries = capacity == entries.length ? entries : new StoredJob[capacity];
    long[] toMicros = capacity == entries.length ? micros : new long[capacity];
    long[] toOrders = capacity == entries.length ? orders : new long[capacity];
    int filled = 0;
    for (int slot = head; slot < tail; slot++) {
      StoredJob entry = entries[slot];
      if (entry != null) {
        toEntries[filled] = entry;
        toMicros[filled] = micros[slot];
        toOrders[filled] = orders[slot];
        entry.placeInQueue(filled);
        filled++;
      }
    }
    if (toEntries == entries) {
      Arrays.fill(entries, filled, tail, null);
    }
    entries = toEntries;
    micros = toMicros;
    orders = toOrders;
    head = 0;
    tail = filled;
  }
}
