package io.scheduler.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The core's one {@link JsonMapper} and its strict reader of JSON text. The stored forms of jobs,
 * triggers and run times are written and read here, whichever store keeps them.
 */
public final class Json {

  /**
   * The mapper, built on first use: building one costs about 200 ms of a cold JVM, which reading
   * stored jobs (by {@link JsonText}) and writing the common job shapes never need.
   */
  private static final class Mapper {
    // Jackson 3 writes an object without properties as {} by default: refuse it instead, as its
    // value would not survive the round trip (new Object(), streams, handles).
    static final JsonMapper INSTANCE =
        JsonMapper.builder().enable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
  }

  private Json() {}

  /**
   * Writes a value as JSON text.
   *
   * @param value a JSON-friendly value (maps, lists, strings, numbers, booleans, beans)
   * @return the JSON text
   * @throws tools.jackson.core.JacksonException when the value has no JSON form
   */
  public static String write(@Nullable Object value) {
    return Mapper.INSTANCE.writeValueAsString(value);
  }

  /**
   * Reads one JSON value that makes up the whole text, as Jackson's untyped reading would: {@code
   * LinkedHashMap} objects, {@code ArrayList} arrays, strings, {@code Integer}, {@code Long} or
   * {@code BigInteger} by size, {@code Double}, booleans and {@code null}.
   *
   * @param text the JSON text
   * @return the value
   * @throws IllegalArgumentException saying where and what is wrong, when the text is not JSON
   */
  public static @Nullable Object read(String text) {
    return JsonText.read(text);
  }
}
