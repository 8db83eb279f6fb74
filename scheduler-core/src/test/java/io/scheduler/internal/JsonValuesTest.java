package io.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link JsonValues}: the one rule for values kept as JSON. */
class JsonValuesTest {

  @Test
  void jsonValuesPass() {
    Map<String, Object> map = new HashMap<>();
    map.put("null", null);
    map.put("list", new LinkedList<>(List.of(1, 2L, (short) 3, (byte) 4)));
    for (Object value :
        List.of(
            "text",
            true,
            1,
            2L,
            1.5,
            2.5f,
            BigInteger.TEN,
            BigDecimal.ONE,
            List.of(),
            map,
            Arrays.asList("a", null))) {
      assertThat(JsonValues.problem(value)).as("%s", value).isNull();
    }
    assertThat(JsonValues.problem(null)).isNull();
  }

  @Test
  void otherValuesAreNamedByPathAndType() {
    assertThat(JsonValues.problem(List.of("a", Map.of("b", List.of(Optional.empty())))))
        .startsWith("[1]['b'][0] of type java.util.Optional has no JSON form");
    assertThat(JsonValues.problem(Double.POSITIVE_INFINITY))
        .isEqualTo(" is Infinity, which JSON cannot hold");
    assertThat(JsonValues.problem(Map.of(1, "x")))
        .isEqualTo(" has a key 1 of type java.lang.Integer (JSON object keys are strings)");
  }

  @Test
  void cyclesAndDeepNestingAreToldApart() {
    List<Object> cyclic = new ArrayList<>();
    cyclic.add(cyclic);
    List<Object> deep = new ArrayList<>();
    List<Object> level = deep;
    for (int i = 1; i < JsonValues.MAX_DEPTH; i++) {
      List<Object> next = new ArrayList<>();
      level.add(next);
      level = next;
    }

    assertThat(JsonValues.problem(cyclic))
        .isEqualTo(" contains itself (a cyclic structure has no JSON form)");
    assertThat(JsonValues.nestingProblem(cyclic)).isEqualTo(JsonValues.problem(cyclic));
    assertThat(JsonValues.problem(deep)).isNull();
    level.add(new ArrayList<>());
    assertThat(JsonValues.problem(deep)).isEqualTo(" is nested more than 32 levels deep");
    assertThat(JsonValues.nestingProblem(List.of(new Object()))).isNull();
  }
}
