package io.scheduler.store.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The id index of {@link MemoryJobStore}: open addressing with linear probing over an array of the
 * stored jobs themselves, so an id costs one array slot instead of a map node. The ids' hashes sit
 * in a parallel array, so probing reads neither the stored jobs nor their ids until a hash matches.
 * Not thread-safe; the store's lock guards it.
 */
final class JobTable {

  private static final int MINIMUM_CAPACITY = 64;

  // hashes[i] is 0 when slot i is empty, else the hash of slots[i]'s id (never 0, see hash()).
  private int[] hashes = new int[MINIMUM_CAPACITY];
  private @Nullable StoredJob[] slots = new StoredJob[MINIMUM_CAPACITY];
  private int size;

  /** Returns the stored job with this id, or {@code null}. */
  @Nullable StoredJob get(String id) {
    int slot = find(id);
    return slot < 0 ? null : slots[slot];
  }

  /** Returns the slot holding this id, or -1: with {@link #at} and {@link #removeAt}, one probe. */
  int slotOf(String id) {
    return find(id);
  }

  /** Returns the stored job in a slot {@link #slotOf} returned. */
  StoredJob at(int slot) {
    return Objects.requireNonNull(slots[slot]);
  }

  /** Adds a stored job unless its id is taken; returns whether it was added. */
  boolean addIfAbsent(StoredJob stored) {
    if (2 * (size + 1) > slots.length) {
      resize(slots.length * 2);
    }
    String id = stored.job.id();
    int hash = hash(id);
    int mask = slots.length - 1;
    int i = hash & mask;
    for (int slotHash = hashes[i]; slotHash != 0; slotHash = hashes[i]) {
      if (slotHash == hash && slots[i].job.id().equals(id)) {
        return false;
      }
      i = (i + 1) & mask;
    }
    hashes[i] = hash;
    slots[i] = stored;
    size++;
    return true;
  }

  /** Removes and returns the stored job with this id, or returns {@code null}. */
  @Nullable StoredJob remove(String id) {
    int slot = find(id);
    if (slot < 0) {
      return null;
    }
    StoredJob removed = slots[slot];
    removeAt(slot);
    return removed;
  }

  /** Removes the stored job in a slot {@link #slotOf} returned, with no change since. */
  void removeAt(int slot) {
    // Backward-shift deletion: move later members of the probe run into the gap.
    int mask = slots.length - 1;
    int gap = slot;
    for (int j = (gap + 1) & mask; hashes[j] != 0; j = (j + 1) & mask) {
      int home = hashes[j] & mask;
      boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
      if (movable) {
        hashes[gap] = hashes[j];
        slots[gap] = slots[j];
        gap = j;
      }
    }
    hashes[gap] = 0;
    slots[gap] = null;
    size--;
  }

  /** Removes everything and shrinks back to the initial capacity. */
  void clear() {
    hashes = new int[MINIMUM_CAPACITY];
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

  /** An id's hash, spread and never 0 (0 marks an empty slot). */
  private static int hash(String id) {
    int h = id.hashCode();
    h ^= h >>> 16;
    return h == 0 ? 1 : h;
  }

  /** Returns the slot holding this id, or -1. */
  private int find(String id) {
    int hash = hash(id);
    int mask = slots.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      int slotHash = hashes[i];
      if (slotHash == 0) {
        return -1;
      }
      if (slotHash == hash && slots[i].job.id().equals(id)) {
        return i;
      }
    }
  }

  private void resize(int capacity) {
    int[] largerHashes = new int[capacity];
    StoredJob[] larger = new StoredJob[capacity];
    int mask = capacity - 1;
    for (int slot = 0; slot < slots.length; slot++) {
      int hash = hashes[slot];
      if (hash != 0) {
        int i = hash & mask;
        while (largerHashes[i] != 0) {
          i = (i + 1) & mask;
        }
        largerHashes[i] = hash;
        larger[i] = slots[slot];
      }
    }
    hashes = largerHashes;
    slots = larger;
  }
}
