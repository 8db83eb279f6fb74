package io.scheduler.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Generates job ids: 32 lowercase hex digits, like APScheduler's {@code uuid4().hex}. The first 16
 * are random, drawn once per generator; the last 16 count up. Ids from two generators differ unless
 * their 64 random bits collide; ids from one generator never repeat. Consecutive ids hash to nearby
 * slots of a hash table, so indexing many new jobs stays within few cache lines instead of touching
 * memory at random.
 *
 * <p>Threads adding jobs at once do not contend for one counter: each takes a block of {@value
 * #BLOCK} numbers at a time and counts through it on its own.
 */
public final class JobIds {

  /** The longest id a user may give (see {@code JobSpec.MAX_ID_LENGTH}). */
  public static final int MAX_LENGTH = 191;

  private static final int DIGITS = 32;
  private static final int PREFIX_DIGITS = 16;
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  /** The numbers a thread takes from the shared counter at once. */
  static final int BLOCK = 1024;

  private final byte[] prefix = new byte[PREFIX_DIGITS];
  private final AtomicLong counter = new AtomicLong();
  private final ThreadLocal<Block> blocks = ThreadLocal.withInitial(Block::new);

  /**
   * A thread's current block: the next number it gives out, the end of its block, and the digits of
   * the id it gave last, which the next id changes in its last digits only.
   */
  private static final class Block {
    private final byte[] digits = new byte[DIGITS];
    private long next;
    private long end;
  }

  /** Creates a generator with a fresh random prefix. */
  public JobIds() {
    writeHex(new SecureRandom().nextLong(), prefix, 0);
  }

  /**
   * Returns a new id.
   *
   * @return 32 hex digits, unique for this generator
   */
  public String next() {
    Block block = blocks.get();
    if (block.next == block.end) {
      block.next = counter.getAndAdd(BLOCK);
      block.end = block.next + BLOCK;
      System.arraycopy(prefix, 0, block.digits, 0, PREFIX_DIGITS);
      writeHex(block.next, block.digits, PREFIX_DIGITS);
    } else {
      increment(block.digits);
    }
    block.next++;
    return new String(block.digits, StandardCharsets.ISO_8859_1);
  }

  /** Adds one to the hex number in the last 16 digits (a block never carries past them). */
  private static void increment(byte[] digits) {
    for (int i = DIGITS - 1; ; i--) {
      byte digit = digits[i];
      if (digit != 'f') {
        digits[i] = digit == '9' ? (byte) 'a' : (byte) (digit + 1);
        return;
      }
      digits[i] = '0';
    }
  }

  private static void writeHex(long bits, byte[] to, int from) {
    for (int i = from + 15; i >= from; i--, bits >>>= 4) {
      to[i] = HEX_DIGITS[(int) (bits & 0xF)];
    }
  }

  /**
   * Checks an id a user gives: not blank, at most {@value #MAX_LENGTH} characters, no control
   * characters (PostgreSQL refuses NUL, and an id is shown in logs and URLs).
   *
   * @param id the id
   * @return the id
   * @throws IllegalArgumentException naming {@code id} and quoting the value
   */
  public static String requireValid(@Nullable String id) {
    Require.requireArgument(id != null && !id.isBlank(), "id must not be blank, but was '%s'", id);
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "id must be at most " + MAX_LENGTH + " characters, but was " + Require.quote(id));
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw new IllegalArgumentException(
            "id must not contain control characters, but was " + Require.quote(id));
      }
    }
    return id;
  }
}
