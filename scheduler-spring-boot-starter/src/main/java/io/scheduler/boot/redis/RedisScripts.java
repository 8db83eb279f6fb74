package io.scheduler.boot.redis;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.scheduler.exception.JobStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts of {@link RedisJobStore}, one per operation, under {@code
 * io/scheduler/boot/redis/}: {@code add.lua} (all jobs of a batch or none), {@code update.lua},
 * {@code remove.lua}, {@code remove_all.lua}, {@code lookup.lua} and {@code snapshot.lua}
 * (consistent reads), {@code acquire.lua} (takes back expired acquisitions, then leases the
 * earliest due jobs), {@code release.lua} (per job: the fenced write and the run claim within the
 * instance limit, in one step), {@code claim.lua} (a run outside the schedule, within the instance
 * limit), {@code renew.lua}, {@code complete.lua}, {@code recover.lua} (takes over expired claims
 * with new fencing tokens), {@code claimed.lua} and {@code next.lua}; and the one way they are run,
 * which turns every Redis failure into a {@link JobStoreException} naming the store and the
 * operation.
 */
final class RedisScripts {

  static final RedisScript<List<Object>> ADD = script("add");
  static final RedisScript<List<Object>> UPDATE = script("update");
  static final RedisScript<List<Object>> REMOVE = script("remove");
  static final RedisScript<List<Object>> REMOVE_ALL = script("remove_all");
  static final RedisScript<List<Object>> LOOKUP = script("lookup");
  static final RedisScript<List<Object>> SNAPSHOT = script("snapshot");
  static final RedisScript<List<Object>> ACQUIRE = script("acquire");
  static final RedisScript<List<Object>> RELEASE = script("release");
  static final RedisScript<List<Object>> CLAIM = script("claim");
  static final RedisScript<List<Object>> RENEW = script("renew");
  static final RedisScript<List<Object>> COMPLETE = script("complete");
  static final RedisScript<List<Object>> RECOVER = script("recover");
  static final RedisScript<List<Object>> CLAIMED = script("claimed");
  static final RedisScript<List<Object>> NEXT = script("next");

  private final StringRedisTemplate redis;
  private final RedisKeys keys;
  private final Supplier<String> storeName;

  /**
   * @param redis the template to run scripts with
   * @param keys the store's keys, passed to every script
   * @param storeName names the store in failure messages
   */
  RedisScripts(StringRedisTemplate redis, RedisKeys keys, Supplier<String> storeName) {
    this.redis = redis;
    this.keys = keys;
    this.storeName = storeName;
  }

  /** Runs a script on the store's keys; a nil reply is an empty list. */
  List<Object> run(RedisScript<List<Object>> script, String operation, List<String> args) {
    List<Object> result = call(operation, () -> redis.execute(script, keys.all(), args.toArray()));
    return result == null ? List.of() : result;
  }

  /** Sends a PING. */
  void ping() {
    call("reach Redis (PING)", () -> redis.execute((RedisCallback<String>) RedisConnection::ping));
  }

  private <T> T call(String operation, Supplier<T> redisCall) {
    try {
      return redisCall.get();
    } catch (RuntimeException e) {
      throw new JobStoreException(
          storeName.get() + " could not " + operation + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static RedisScript<List<Object>> script(String name) {
    String file = name + ".lua";
    try (InputStream in = RedisScripts.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("the Lua script " + file + " is missing");
      }
      return new DefaultRedisScript<>(new String(in.readAllBytes(), UTF_8), (Class) List.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
