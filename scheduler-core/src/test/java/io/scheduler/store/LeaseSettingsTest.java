package io.scheduler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lease settings every shared store validates the same way. */
class LeaseSettingsTest {

  @Test
  void defaultsAreTheSharedStoreDefaults() {
    assertThat(LeaseSettings.DEFAULTS.leaseTime()).isEqualTo(SharedJobStore.DEFAULT_LEASE_TIME);
    assertThat(LeaseSettings.DEFAULTS.pollInterval())
        .isEqualTo(SharedJobStore.DEFAULT_POLL_INTERVAL);
  }

  @Test
  void eachSettingIsReplacedAlone() {
    LeaseSettings settings =
        LeaseSettings.DEFAULTS
            .withLeaseTime(Duration.ofSeconds(5))
            .withPollInterval(Duration.ofMillis(200));

    assertThat(settings)
        .isEqualTo(new LeaseSettings(Duration.ofSeconds(5), Duration.ofMillis(200)));
  }

  @Test
  void settingsThatAreNotPositiveAreRefusedByName() {
    assertThatThrownBy(() -> LeaseSettings.DEFAULTS.withLeaseTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaseTime must be positive, but was PT0S");
    assertThatThrownBy(() -> LeaseSettings.DEFAULTS.withPollInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pollInterval must be positive, but was PT-1S");
    assertThatThrownBy(() -> LeaseSettings.DEFAULTS.withLeaseTime(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaseTime must be positive, but was null");
  }
}
