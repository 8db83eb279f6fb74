package io.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** {@link JsonText} reads what Jackson's untyped reading reads, to equal values and types. */
class JsonTextTest {

  private static final JsonMapper JACKSON = JsonMapper.builder().build();

  @Test
  void readsRandomDocumentsAsJacksonDoes() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 2_000; i++) {
      Object document = randomValue(random, 0);
      String json = JACKSON.writeValueAsString(document);

      Object ours = JsonText.read(json);

      assertThat(ours).as(json).isEqualTo(JACKSON.readValue(json, Object.class));
      assertSameTypes(ours, JACKSON.readValue(json, Object.class), json);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " { \"a\" : [ 1 , -2.5e3 , true , null , \"x\\u00e9\\n\\\"\\\\\\/\" ] } ",
        "2147483647",
        "2147483648",
        "-2147483649",
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "0",
        "-0",
        "1E2",
        "0.5",
        "\"\\ud83d\\ude00\"",
        "{\"a\":1,\"a\":2}",
        "[]",
        "{}"
      })
  void readsEdgeCasesAsJacksonDoes(String json) {
    Object ours = JsonText.read(json);

    assertThat(ours).isEqualTo(JACKSON.readValue(json, Object.class));
    assertSameTypes(ours, JACKSON.readValue(json, Object.class), json);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "{\"a\"}",
        "{\"a\":1,}",
        "{a:1}",
        "[1,]",
        "[1 2]",
        "01",
        "1.",
        "1e",
        "-",
        "\"abc",
        "\"a\\x\"",
        "\"\\u12\"",
        "\"tab\there\"",
        "tru",
        "nul",
        "{} x",
        "'a'",
        "NaN"
      })
  void refusesWhatJacksonRefuses(String json) {
    assertThatThrownBy(() -> JACKSON.readValue(json, Object.class))
        .isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> JsonText.read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset");
  }

  private static Object randomValue(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth > 3 ? 6 : 8);
    return switch (kind) {
      case 0 -> random.nextInt();
      case 1 -> random.nextLong();
      case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(-20, 20));
      case 3 -> random.nextBoolean();
      case 4 -> randomString(random);
      case 5 -> random.nextInt(4) == 0 ? "" : randomString(random);
      case 6 -> {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(random.nextInt(8) == 0 ? null : randomValue(random, depth + 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put(randomString(random), randomValue(random, depth + 1));
        }
        yield map;
      }
    };
  }

  private static String randomString(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      int pick = random.nextInt(10);
      text.append(
          switch (pick) {
            case 0 -> (char) random.nextInt(0x20);
            case 1 -> '"';
            case 2 -> '\\';
            case 3 -> (char) random.nextInt(0x80, 0xD7FF);
            case 4 -> "\ud83d\ude00";
            default -> (char) random.nextInt('a', 'z' + 1);
          });
    }
    return text.toString();
  }

  private static void assertSameTypes(Object ours, Object theirs, String json) {
    if (ours == null || theirs == null) {
      assertThat(ours).as(json).isNull();
      assertThat(theirs).as(json).isNull();
      return;
    }
    assertThat(ours.getClass()).as(json).isEqualTo(theirs.getClass());
    if (ours instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        assertSameTypes(entry.getValue(), ((Map<?, ?>) theirs).get(entry.getKey()), json);
      }
    } else if (ours instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        assertSameTypes(list.get(i), ((List<?>) theirs).get(i), json);
      }
    }
  }
}
