package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.testing.SettableClock;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed database of schema version 1, opened by today's code: it migrates to the current
 * version and reads back exactly what today's code writes for the same script. Every later
 * migration is tested against this real data from the start.
 */
class V1DatabaseTest {

    @Test
    void theCommittedV1DatabaseOpensMigratesAndReadsBackItsData() throws Exception {
        Path copy = TestDatabases.newSqliteFile();
        try (InputStream in = V1DatabaseTest.class.getResourceAsStream("/db/v1-populated.db")) {
            assertThat(in).as("the committed v1 database").isNotNull();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        SettableClock expectedClock = V1Fixture.clock();
        List<Object> expected;
        try (Messaging fresh = V1Fixture.messaging(new InMemoryStore(), expectedClock)) {
            V1Fixture.populate(fresh, expectedClock);
            expected = V1Fixture.readAll(fresh);
        }
        JdbiStore store = JdbiStore.sqlite(copy);
        try (Messaging migrated = V1Fixture.messaging(store, V1Fixture.clock())) {
            List<Object> actual = V1Fixture.readAll(migrated);
            assertThat(actual).isEqualTo(expected);
            List<String> versions = store.reader().withHandle(h -> h.createQuery(
                    "SELECT version FROM messaging_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                    .mapTo(String.class).list());
            assertThat(versions).as("v1 as committed, then every later migration").startsWith("1", "2", "3", "4", "5", "6");
            int translated = store.reader().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM message WHERE details LIKE '%\"isTranslated\":true%'"
                            + " OR details LIKE '%\"languageCode\":\"%'")
                    .mapTo(Integer.class).one());
            assertThat(translated).as("v2 fields of v1 rows take their defaults").isZero();
            assertThat(actual.toString()).contains("Bonjour, my brakes squeal", "bounced", "brakes.jpg");
        }
    }
}
