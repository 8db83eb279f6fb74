package io.scheduler.store;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The id index of {@link MemoryJobStore}: open addressing with linear probing over an array of the
 * stored jobs themselves, so an id costs one array slot instead of a map node. Not thread-safe; the
 * store's lock guards it.
 */
final class JobTable {

  private static final int MINIMUM_CAPACITY = 64;

  private @Nullable StoredJob[] slots = new StoredJob[MINIMUM_CAPACITY];
  private int size;

  /** Returns the stored job with this id, or {@code null}. */
  @Nullable StoredJob get(String id) {
    int hash = hash(id);
    int mask = slots.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      StoredJob slot = slots[i];
      if (slot == null) {
        return null;
      }
      if (slot.hash == hash && slot.job.id().equals(id)) {
        return slot;
      }
    }
  }

  /** Adds a stored job unless its id is taken; returns whether it was added. */
  boolean addIfAbsent(StoredJob stored) {
    if (2 * (size + 1) > slots.length) {
      resize(slots.length * 2);
    }
    String id = stored.job.id();
    int mask = slots.length - 1;
    int i = stored.hash & mask;
    for (StoredJob slot = slots[i]; slot != null; slot = slots[i]) {
      if (slot.hash == stored.hash && slot.job.id().equals(id)) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = stored;
    size++;
    return true;
  }

  /** Removes and returns the stored job with this id, or returns {@code null}. */
  @Nullable StoredJob remove(String id) {
    int hash = hash(id);
    int mask = slots.length - 1;
    int i = hash & mask;
    while (true) {
      StoredJob slot = slots[i];
      if (slot == null) {
        return null;
      }
      if (slot.hash == hash && slot.job.id().equals(id)) {
        break;
      }
      i = (i + 1) & mask;
    }
    StoredJob removed = slots[i];
    // Backward-shift deletion: move later members of the probe run into the gap.
    int gap = i;
    for (int j = (gap + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
      int home = slots[j].hash & mask;
      boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
      if (movable) {
        slots[gap] = slots[j];
        gap = j;
      }
    }
    slots[gap] = null;
    size--;
    return removed;
  }

  /** Removes everything and shrinks back to the initial capacity. */
  void clear() {
    slots = new StoredJob[MINIMUM_CAPACITY];
    size = 0;
  }

  int size() {
    return size;
  }

  /** Returns every stored job, in no particular order. */
  List<StoredJob> values() {
    List<StoredJob> values = new ArrayList<>(size);
    for (StoredJob slot : slots) {
      if (slot != null) {
        values.add(slot);
      }
    }
    return values;
  }

  static int hash(String id) {
    int h = id.hashCode();
    return h ^ (h >>> 16);
  }

  private void resize(int capacity) {
    StoredJob[] larger = new StoredJob[capacity];
    for (StoredJob slot : slots) {
      if (slot != null) {
        insert(larger, slot);
      }
    }
    slots = larger;
  }

  private static void insert(@Nullable StoredJob[] table, StoredJob stored) {
    int mask = table.length - 1;
    int i = stored.hash & mask;
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    table[i] = stored;
  }
}
