package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Named parameters made positional for a statement sent with others on plain JDBC (a page's keys on PostgreSQL). */
class PositionalTest {
    @Test
    void namesBecomeQuestionMarksInOrderRepeatsIncluded() {
        Jdbc.Positional p = Jdbc.positional(
                "SELECT c.rid FROM conversation c WHERE c.tenant = :tenant AND (c.d < :afterDate OR c.d = :afterDate"
                        + " AND c.id < :afterId) LIMIT :limit");
        assertThat(p.sql()).isEqualTo(
                "SELECT c.rid FROM conversation c WHERE c.tenant = ? AND (c.d < ? OR c.d = ? AND c.id < ?) LIMIT ?");
        assertThat(p.names()).containsExactly("tenant", "afterDate", "afterDate", "afterId", "limit");
    }

    @Test
    void castsAndQuotedTextStayAsTheyAre() {
        Jdbc.Positional p = Jdbc.positional("SELECT x::bigint, ':not_a_name', 'a''b:c' FROM t WHERE y = :y_1");
        assertThat(p.sql()).isEqualTo("SELECT x::bigint, ':not_a_name', 'a''b:c' FROM t WHERE y = ?");
        assertThat(p.names()).isEqualTo(List.of("y_1"));
    }

    @Test
    void aStatementsParametersAreCountedForTheOnesAfterIt() {
        assertThat(Pipeline.parameterCount("UPDATE t SET a = ?, b = ? WHERE id = ?")).isEqualTo(3);
        assertThat(Pipeline.parameterCount("SET LOCAL lock_timeout = 5000")).isZero();
    }
}
