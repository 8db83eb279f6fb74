/**
 * The JDBC job store: {@link io.scheduler.store.jdbc.JdbcJobStore} keeps jobs in one table of
 * PostgreSQL, MySQL, MariaDB or H2 (plus a table of the runs in progress) and lets any number of
 * schedulers share them. Only {@code java.sql} and {@code javax.sql}: no driver is needed at
 * compile time.
 */
@NullMarked
package io.scheduler.store.jdbc;

import org.jspecify.annotations.NullMarked;
