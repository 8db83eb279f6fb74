package io.scheduler.boot.actuate;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The application of the HTTP tests: auto-configuration only, plus the test scheduler. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(BackgroundSchedulerTestConfiguration.class) // delete once SchedulerAutoConfiguration exists
class SchedulerActuatorTestApplication {}
