package io.scheduler.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A strict reader of JSON text (RFC 8259) into the values Jackson's untyped reading gives: {@code
 * LinkedHashMap} objects (a repeated key keeps its last value), {@code ArrayList} arrays, strings,
 * {@code Integer}, {@code Long} or {@code BigInteger} for integers by size, {@code Double} for
 * other numbers, booleans and {@code null}. Stores read the JSON of every job they load; this costs
 * a fraction of a general-purpose mapper's per-call work.
 */
final class JsonText {

  private final String text;
  private int at;

  private JsonText(String text) {
    this.text = text;
  }

  /**
   * Reads one JSON value that makes up the whole text (whitespace aside).
   *
   * @param text the JSON text
   * @return the value
   * @throws IllegalArgumentException saying where and what is wrong, when the text is not JSON
   */
  static @Nullable Object read(String text) {
    JsonText reader = new JsonText(text);
    Object value = reader.value();
    reader.skipWhitespace();
    if (reader.at < text.length()) {
      throw reader.error("unexpected '" + text.charAt(reader.at) + "' after the value");
    }
    return value;
  }

  private @Nullable Object value() {
    skipWhitespace();
    if (at >= text.length()) {
      throw error("unexpected end of text");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected '" + c + "'");
      }
    };
  }

  private Map<String, Object> object() {
    at++;
    Map<String, Object> object = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      at++;
      return object;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a property name in double quotes");
      }
      String key = string();
      skipWhitespace();
      expect(':');
      object.put(key, value());
      skipWhitespace();
      char next = peek();
      at++;
      if (next == '}') {
        return object;
      }
      if (next != ',') {
        at--;
        throw error("expected ',' or '}' in an object");
      }
    }
  }

  private List<Object> array() {
    at++;
    List<Object> array = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      at++;
      return array;
    }
    while (true) {
      array.add(value());
      skipWhitespace();
      char next = peek();
      at++;
      if (next == ']') {
        return array;
      }
      if (next != ',') {
        at--;
        throw error("expected ',' or ']' in an array");
      }
    }
  }

  private String string() {
    int start = ++at;
    // The common case: no escapes, one substring.
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '"') {
        return text.substring(start, at++);
      }
      if (c == '\\' || c < 0x20) {
        break;
      }
      at++;
    }
    StringBuilder out = new StringBuilder(text.length() - start).append(text, start, at);
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        at--;
        throw error("unescaped control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        break;
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(hexChar());
        default -> {
          at--;
          throw error("invalid escape '\\" + escaped + "'");
        }
      }
    }
    throw error("unterminated string");
  }

  private char hexChar() {
    if (at + 4 > text.length()) {
      throw error("incomplete \\u escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(at + i), 16);
      if (digit < 0) {
        throw error("invalid \\u escape");
      }
      value = value * 16 + digit;
    }
    at += 4;
    return (char) value;
  }

  private Object number() {
    int start = at;
    if (peek() == '-') {
      at++;
    }
    int integerStart = at;
    skipDigits();
    int integerDigits = at - integerStart;
    if (integerDigits == 0) {
      throw error("expected a digit");
    }
    if (integerDigits > 1 && text.charAt(integerStart) == '0') {
      at = integerStart;
      throw error("leading zero in a number");
    }
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      at++;
      if (skipDigits() == 0) {
        throw error("expected a digit after '.'");
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      at++;
      if (peek() == '+' || peek() == '-') {
        at++;
      }
      if (skipDigits() == 0) {
        throw error("expected a digit in the exponent");
      }
    }
    String number = text.substring(start, at);
    if (!integral) {
      return Double.valueOf(number);
    }
    if (integerDigits <= 9) {
      return Integer.valueOf(number);
    }
    if (integerDigits <= 18) {
      long value = Long.parseLong(number);
      if (value == (int) value) {
        return Integer.valueOf((int) value);
      }
      return Long.valueOf(value);
    }
    BigInteger value = new BigInteger(number);
    if (value.bitLength() < 64) {
      return Long.valueOf(value.longValue());
    }
    return value;
  }

  private int skipDigits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at - start;
  }

  private @Nullable Object literal(String word, @Nullable Object value) {
    if (!text.startsWith(word, at)) {
      throw error("unexpected '" + text.charAt(at) + "'");
    }
    at += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  /** The character at the position, or 0 at the end. */
  private char peek() {
    return at < text.length() ? text.charAt(at) : 0;
  }

  private void skipWhitespace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      at++;
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(
        problem + " at offset " + Math.min(at, text.length()) + " of " + text.length());
  }
}
