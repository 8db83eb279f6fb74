package io.scheduler.store.memory;

import java.util.Arrays;

/**
 * The binary min-heap lane of {@link MemoryJobStore}: stored jobs by sort key, with the keys in
 * primitive arrays beside the entries so sifting never leaves them. Each entry's {@link
 * StoredJob#index} is its slot, so any entry is removed in O(log n). Not thread-safe.
 */
final class RunTimeHeap {

  private static final int INITIAL_CAPACITY = 64;

  private StoredJob[] entries = new StoredJob[INITIAL_CAPACITY];
  private long[] micros = new long[INITIAL_CAPACITY];
  private long[] orders = new long[INITIAL_CAPACITY];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  /** The entry with the smallest key; only when not empty. */
  StoredJob first() {
    return entries[0];
  }

  long firstMicros() {
    return micros[0];
  }

  long firstOrder() {
    return orders[0];
  }

  void add(StoredJob entry, long key, long order) {
    if (size == entries.length) {
      int capacity = size + (size >> 1);
      entries = Arrays.copyOf(entries, capacity);
      micros = Arrays.copyOf(micros, capacity);
      orders = Arrays.copyOf(orders, capacity);
    }
    int index = size++;
    place(index, entry, key, order);
    siftUp(index);
  }

  /** Removes an entry that is in this heap and marks it as not scheduled. */
  void remove(StoredJob entry) {
    int index = entry.index;
    entry.index = StoredJob.NOT_SCHEDULED;
    size--;
    if (index == size) {
      entries[size] = null;
      return;
    }
    StoredJob moved = entries[size];
    place(index, moved, micros[size], orders[size]);
    entries[size] = null;
    siftDown(index);
    if (moved.index == index) {
      siftUp(index);
    }
  }

  void clear() {
    Arrays.fill(entries, 0, size, null);
    size = 0;
  }

  private void siftUp(int index) {
    StoredJob entry = entries[index];
    long key = micros[index];
    long order = orders[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (!StoredJob.before(key, order, micros[parent], orders[parent])) {
        break;
      }
      place(index, entries[parent], micros[parent], orders[parent]);
      index = parent;
    }
    place(index, entry, key, order);
  }

  private void siftDown(int index) {
    StoredJob entry = entries[index];
    long key = micros[index];
    long order = orders[index];
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      int right = child + 1;
      if (right < size
          && StoredJob.before(micros[right], orders[right], micros[child], orders[child])) {
        child = right;
      }
      if (!StoredJob.before(micros[child], orders[child], key, order)) {
        break;
      }
      place(index, entries[child], micros[child], orders[child]);
      index = child;
    }
    place(index, entry, key, order);
  }

  private void place(int index, StoredJob entry, long key, long order) {
    entries[index] = entry;
    micros[index] = key;
    orders[index] = order;
    entry.index = index;
  }
}
