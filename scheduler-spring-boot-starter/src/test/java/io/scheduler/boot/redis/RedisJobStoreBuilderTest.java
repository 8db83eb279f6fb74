package io.scheduler.boot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.store.SharedJobStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The builder's defaults and checks; needs no server (the factory is never started). */
class RedisJobStoreBuilderTest {

  private final LettuceConnectionFactory factory = new LettuceConnectionFactory();

  @Test
  void defaultsAreTheSharedStoreDefaults() {
    RedisJobStore store = RedisJobStore.builder(factory).build();

    assertThat(store.keyPrefix())
        .isEqualTo("scheduler:")
        .isEqualTo(RedisJobStore.DEFAULT_KEY_PREFIX);
    assertThat(store.leaseTime()).isEqualTo(SharedJobStore.DEFAULT_LEASE_TIME);
    assertThat(store.pollInterval()).isEqualTo(SharedJobStore.DEFAULT_POLL_INTERVAL);
    assertThat(store).hasToString("RedisJobStore[redis, keyPrefix=scheduler:]");
  }

  @Test
  void settingsAreKept() {
    RedisJobStore store =
        RedisJobStore.builder(factory)
            .keyPrefix("{app}:jobs:")
            .leaseTime(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(500))
            .build();

    assertThat(store.keyPrefix()).isEqualTo("{app}:jobs:");
    assertThat(store.leaseTime()).isEqualTo(Duration.ofSeconds(5));
    assertThat(store.pollInterval()).isEqualTo(Duration.ofMillis(500));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void aBlankKeyPrefixIsRefusedNamingFieldAndValue(String prefix) {
    assertThatThrownBy(() -> RedisJobStore.builder(factory).keyPrefix(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyPrefix must not be blank, but was '" + prefix + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"my app:", "jobs\t", "a\nb:"})
  void aKeyPrefixWithWhitespaceIsRefusedNamingFieldAndValue(String prefix) {
    assertThatThrownBy(() -> RedisJobStore.builder(factory).keyPrefix(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyPrefix must not contain whitespace, but was '" + prefix + "'");
  }

  @Test
  void aNullKeyPrefixIsRefused() {
    assertThatThrownBy(() -> RedisJobStore.builder(factory).keyPrefix(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyPrefix must not be blank, but was null");
  }

  @Test
  void leaseTimeAndPollIntervalMustBePositive() {
    assertThatThrownBy(() -> RedisJobStore.builder(factory).leaseTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaseTime must be positive, but was PT0S");
    assertThatThrownBy(() -> RedisJobStore.builder(factory).leaseTime(Duration.ofSeconds(-1)))
        .hasMessage("leaseTime must be positive, but was PT-1S");
    assertThatThrownBy(() -> RedisJobStore.builder(factory).pollInterval(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pollInterval must be positive, but was null");
  }

  @Test
  void aConnectionFactoryIsRequired() {
    assertThatThrownBy(() -> RedisJobStore.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("connectionFactory must not be null");
  }

  @Test
  void operationsNeedAStartedStore() {
    RedisJobStore store = RedisJobStore.builder(factory).build();

    assertThatThrownBy(store::getAllJobs)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not started");
  }
}
