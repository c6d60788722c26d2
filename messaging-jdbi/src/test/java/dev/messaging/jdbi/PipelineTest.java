package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.messaging.spi.DuplicateIdException;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL transaction's kept statements sent with its COMMIT: a kept write whose count is not
 * the one expected, or an insert whose id is taken, fails the transaction before COMMIT runs, so
 * nothing sent with it is committed; writes that hold commit in the same execution.
 */
class PipelineTest {
    private final Jdbi jdbi = Jdbi.create(TestDatabases.postgresPool());
    private final String table = "pipeline_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void create() {
        jdbi.useHandle(h -> h.execute("CREATE TABLE " + table + " (id text PRIMARY KEY, n int NOT NULL)"));
    }

    @AfterEach
    void drop() {
        jdbi.useHandle(h -> h.execute("DROP TABLE " + table));
    }

    private void insert(Pipeline p, String id) {
        p.insert("INSERT INTO " + table + " (id, n) VALUES (?, 0)", st -> st.setString(1, id), "row", id);
    }

    private long rows() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    /** {@code p}'s statements committed in a transaction of {@code h}; the failure, if any. */
    private static Throwable commit(Handle h, Pipeline p) {
        h.begin();
        Throwable failure = catchThrowable(() -> p.commit(h));
        if (failure != null) {
            h.rollback();
        } else {
            h.commit();
        }
        return failure;
    }

    @Test
    void keptWritesAreCommittedWithTheirCommit() {
        Pipeline p = new Pipeline();
        jdbi.useHandle(h -> {
            insert(p, "a");
            p.expect("UPDATE " + table + " SET n = n + 1 WHERE id = ?", st -> st.setString(1, "a"), 1, "a changed");
            assertThat(commit(h, p)).isNull();
            assertThat(h.isInTransaction()).isFalse();
        });
        int n = jdbi.withHandle(h -> h.createQuery("SELECT n FROM " + table + " WHERE id = 'a'")
                .mapTo(Integer.class).one());
        assertThat(n).isEqualTo(1);
    }

    @Test
    void aKeptWriteThatChangedAnotherCountFailsTheTransactionBeforeCommit() {
        Pipeline p = new Pipeline();
        Throwable failure = jdbi.withHandle(h -> {
            insert(p, "a");
            p.expect("UPDATE " + table + " SET n = n + 1 WHERE id = ?", st -> st.setString(1, "absent"), 1,
                    "row absent changed under its lock");
            insert(p, "b");
            return commit(h, p);
        });
        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessage("row absent changed under its lock (0 rows where 1 were expected)");
        assertThat(rows()).as("nothing sent with the failed write is committed").isZero();
    }

    @Test
    void aKeptInsertOfATakenIdIsADuplicateAndNothingIsCommitted() {
        jdbi.useHandle(h -> h.execute("INSERT INTO " + table + " (id, n) VALUES ('taken', 0)"));
        Pipeline p = new Pipeline();
        Throwable failure = jdbi.withHandle(h -> {
            insert(p, "new");
            insert(p, "taken");
            return commit(h, p);
        });
        assertThat(failure).isInstanceOf(DuplicateIdException.class);
        assertThat(((DuplicateIdException) failure).entity()).isEqualTo("row");
        assertThat(rows()).isEqualTo(1);
    }
}
