package io.scheduler.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TaskRef}: which reference texts are accepted ({@code Type::method} and {@code
 * bean:name#method}), the error for the others (naming the text), and the parts a resolver reads.
 */
class TaskRefTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "com.example.Reports::daily",
        "Reports::daily",
        "com.example.Outer$Inner::run",
        "com.example.v2.Reports::send_all",
        "com.example.Reports::$run2",
        "café.Rapports::envoyer",
        "bean:reportService#daily",
        "bean:report-service.v2#daily",
      })
  void acceptsStaticMethodAndBeanReferences(String text) {
    TaskRef ref = TaskRef.of(text);

    assertThat(ref.value()).isEqualTo(text);
    assertThat(ref).hasToString(text).isEqualTo(new TaskRef(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "com.example.Reports",
        "com.example.Reports::",
        "::daily",
        "com.example.Reports:daily",
        "com.example.Reports::daily::again",
        "com.example.Reports::da-ily",
        "com.example.Reports::2daily",
        "com..example.Reports::daily",
        ".com.example.Reports::daily",
        "com.example.Reports.::daily",
        "com.example.1Reports::daily",
        " com.example.Reports::daily",
        "com.example.Reports::daily ",
        "com.example.Reports#daily",
      })
  void rejectsMalformedStaticMethodReferencesNamingTheText(String text) {
    assertThatThrownBy(() -> TaskRef.of(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "taskRef must look like 'com.example.Type::method' or 'bean:beanName#method', but was"
                + " '"
                + text
                + "'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bean:",
        "bean:#daily",
        "bean:service",
        "bean:service#",
        "bean:a#b#c",
        "bean:s#1x"
      })
  void rejectsMalformedBeanReferencesNamingTheText(String text) {
    assertThatThrownBy(() -> TaskRef.of(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("taskRef must look like 'bean:beanName#method', but was '" + text + "'");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> new TaskRef(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("taskRef must not be null");
  }

  @Test
  void aStaticMethodReferenceNamesAClassAndAMethod() {
    TaskRef ref = TaskRef.of("com.example.Outer$Inner::send");

    assertThat(ref.isBean()).isFalse();
    assertThat(ref.target()).isEqualTo("com.example.Outer$Inner");
    assertThat(ref.method()).isEqualTo("send");
  }

  @Test
  void aBeanReferenceNamesABeanAndAMethod() {
    TaskRef ref = TaskRef.of("bean:reportService#daily");

    assertThat(ref.isBean()).isTrue();
    assertThat(ref.target()).isEqualTo("reportService");
    assertThat(ref.method()).isEqualTo("daily");
  }

  @Test
  void referencesAreValuesComparedByText() {
    assertThat(TaskRef.of("a.B::c"))
        .isEqualTo(TaskRef.of("a.B::c"))
        .hasSameHashCodeAs(TaskRef.of("a.B::c"))
        .isNotEqualTo(TaskRef.of("a.B::d"));
  }
}
