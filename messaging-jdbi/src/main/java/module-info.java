/**
 * Durable storage for {@code dev.messaging.core}: SQLite (the embedded default) and PostgreSQL,
 * through Jdbi, HikariCP and Flyway. Start at {@link dev.messaging.jdbi.JdbiMessaging}.
 */
module dev.messaging.jdbi {
    requires transitive dev.messaging.core;
    requires transitive java.sql;
    requires org.jdbi.v3.core;
    // the settings tables' statements (SettingsSql)
    requires org.jdbi.v3.sqlobject;
    // Jdbi's core is an automatic module, which names no dependency: an application on the module
    // path would not resolve the one it needs at run time (NoClassDefFoundError in Jdbi) unless
    // some module requires it. This store does, so that a user adds nothing.
    requires io.leangen.geantyref;
    requires com.zaxxer.hikari;
    requires com.github.benmanes.caffeine;
    requires org.xerial.sqlitejdbc;
    requires flyway.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.slf4j;
    // LISTEN/NOTIFY on PostgreSQL; not needed by a service on SQLite
    requires static org.postgresql.jdbc;

    exports dev.messaging.jdbi;
    // Jackson reads and writes the store's own JSON column records
    opens dev.messaging.jdbi to com.fasterxml.jackson.databind;
}
