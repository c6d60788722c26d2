package dev.messaging.jdbi.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.jdbi.JdbiStore;
import dev.messaging.jdbi.TestDatabases;
import dev.messaging.message.NewMessage;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The PostgreSQL setup of docs/guide/storage.md, run on the embedded server (DocSamplesTest keeps the copy in step). */
class PostgresSetupSampleTest {

    /** The service's pool, which it shares with its own queries. */
    static HikariDataSource pool(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl); // e.g. jdbc:postgresql://db.internal:5432/shop
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10); // a few per core of the database server, shared with the service's own queries
        config.setPoolName("shop-db");
        return new HikariDataSource(config);
    }

    /** Messaging on that pool: the store migrates its schema on start, and closing it leaves the pool open. */
    static Messaging messaging(DataSource pool) {
        JdbiStore store = JdbiStore.create(pool, JdbiStore.Options.defaults().withLockTimeout(Duration.ofSeconds(3)));
        return Messaging.builder(store).build();
    }

    @Test
    void theSetupOpensAMigratedStore() {
        String url = TestDatabases.postgresUrl("postgres");
        try (HikariDataSource pool = pool(url, "postgres", "postgres"); Messaging messaging = messaging(pool)) {
            Actor customer = Actor.customer("setup-sample", "loc", "c1");
            assertThat(messaging.messages().create(customer, NewMessage.to("c1", "hello").build()).text())
                    .isEqualTo("hello");
        }
    }
}
