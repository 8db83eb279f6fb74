/**
 * The JDBC job store: {@link io.scheduler.store.jdbc.JdbcJobStore} keeps jobs in one table of
 * PostgreSQL, MySQL, MariaDB or H2 (plus a table of the runs in progress) and lets any number of
 * schedulers share them. Only {@code java.sql} and {@code javax.sql}: no driver is needed at
 * compile time.
 *
 * <p>The public store is a facade over package-private parts, each with one job: {@code
 * Transactions} (connections, transactions, retries), {@code Schema} (creating and checking the
 * tables), {@code JobRows} (the jobs as users change them), {@code Acquisitions} (acquiring,
 * releasing and claiming due jobs), {@code RunLeases} (renewing, completing and recovering runs),
 * {@code JobLoader} (rows into jobs; rows that cannot be loaded), {@code Sql} (the statements),
 * {@code Dialect} (what differs per database) and {@code PostgresNotifications} (PostgreSQL's
 * {@code LISTEN}).
 */
@NullMarked
package io.scheduler.store.jdbc;

import org.jspecify.annotations.NullMarked;
