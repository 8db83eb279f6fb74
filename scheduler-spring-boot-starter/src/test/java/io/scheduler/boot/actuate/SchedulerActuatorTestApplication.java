package io.scheduler.boot.actuate;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The application of the HTTP tests: the starter's auto-configuration and nothing else. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class SchedulerActuatorTestApplication {}
