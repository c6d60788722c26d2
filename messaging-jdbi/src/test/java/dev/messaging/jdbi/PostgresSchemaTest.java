package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The store's tables in a schema of its own on PostgreSQL: beside a service's own tables of the
 * same names in {@code public}, which it leaves alone, with the service's connections' search path
 * untouched; a database the store migrated into {@code public} before keeps its tables there; two
 * stores in two schemas of one database see nothing of each other.
 */
class PostgresSchemaTest {
    private static final Actor CUSTOMER = Actor.customer("schema-co", "loc", "c1");

    private static String newDatabase() {
        String database = "schema_" + UUID.randomUUID().toString().replace("-", "");
        Jdbi.create(TestDatabases.postgresPool()).useHandle(h -> h.execute("CREATE DATABASE " + database));
        return database;
    }

    private static Message say(Messaging messaging, String text) {
        return messaging.messages().create(CUSTOMER, NewMessage.to("c1", text).build());
    }

    @Test
    void theStoresTablesLiveInTheirSchemaBesideTheServicesTablesOfTheSameNames() {
        String database = newDatabase();
        try (HikariDataSource pool = TestDatabases.newPostgresPool(database, 3)) {
            Jdbi service = Jdbi.create(pool);
            service.useHandle(h -> {
                h.execute("CREATE TABLE tenant (id INT PRIMARY KEY, name TEXT)");
                h.execute("CREATE TABLE message (id INT PRIMARY KEY, body TEXT)");
                h.execute("INSERT INTO tenant VALUES (1, 'the service''s own')");
                h.execute("INSERT INTO message VALUES (1, 'the service''s own')");
            });
            try (Messaging messaging = Messaging.builder(JdbiStore.create(pool)).build()) {
                Message said = say(messaging, "hello");
                assertThat(messaging.messages().find(CUSTOMER, said.id())).map(Message::text).contains("hello");
            }
            service.useHandle(h -> {
                assertThat(h.createQuery("SELECT body FROM public.message").mapTo(String.class).list())
                        .containsExactly("the service's own");
                assertThat(h.createQuery("SELECT name FROM public.tenant").mapTo(String.class).list())
                        .containsExactly("the service's own");
                assertThat(h.createQuery("SELECT count(*) FROM messaging.message").mapTo(Long.class).one())
                        .isEqualTo(1);
                assertThat(h.createQuery("SHOW search_path").mapTo(String.class).one())
                        .as("the service's connections keep their search path").isEqualTo("\"$user\", public");
            });
            for (int i = 0; i < 3; i++) { // every pooled connection, after the store used them
                try (Handle h = service.open()) {
                    assertThat(h.createQuery("SHOW search_path").mapTo(String.class).one()).isEqualTo("\"$user\", public");
                }
            }
        }
    }

    @Test
    void aDatabaseMigratedIntoPublicBeforeKeepsItsTablesThere() {
        String database = newDatabase();
        try (HikariDataSource pool = TestDatabases.newPostgresPool(database, 3)) {
            String id;
            try (Messaging before = Messaging.builder(JdbiStore.create(pool,
                    JdbiStore.Options.defaults().withPostgresSchema("public"))).build()) {
                id = say(before, "from before the schema").id();
            }
            try (Messaging after = Messaging.builder(JdbiStore.create(pool)).build()) {
                assertThat(after.messages().find(CUSTOMER, id)).map(Message::text).contains("from before the schema");
                say(after, "and after");
            }
            List<String> schemas = Jdbi.create(pool).withHandle(h -> h.createQuery(
                    "SELECT nspname FROM pg_namespace WHERE nspname = 'messaging'").mapTo(String.class).list());
            assertThat(schemas).as("no second copy of the tables").isEmpty();
        }
    }

    @Test
    void twoStoresInTwoSchemasOfOneDatabaseSeeNothingOfEachOther() {
        String database = newDatabase();
        try (HikariDataSource pool = TestDatabases.newPostgresPool(database, 4);
                Messaging a = Messaging.builder(JdbiStore.create(pool,
                        JdbiStore.Options.defaults().withPostgresSchema("app_a"))).build();
                Messaging b = Messaging.builder(JdbiStore.create(pool,
                        JdbiStore.Options.defaults().withPostgresSchema("app_b"))).build()) {
            Message inA = say(a, "in a");
            say(b, "in b");
            assertThat(a.messages().find(CUSTOMER, inA.id())).isPresent();
            assertThat(b.changes().since(Actor.system("schema-co", "loc"), 0, 100))
                    .noneMatch(change -> change.entityId() != null && change.entityId().equals(inA.id()));
            assertThat(b.inbox().list(Actor.user("schema-co", "loc", "u"),
                    InboxQuery.all()).items()).hasSize(1);
        }
    }

    @Test
    void aSchemaNameThatIsNotAPlainIdentifierIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> JdbiStore.Options.defaults().withPostgresSchema("app; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postgresSchema");
    }
}
