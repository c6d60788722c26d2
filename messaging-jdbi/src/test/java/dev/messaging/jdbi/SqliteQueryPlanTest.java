package dev.messaging.jdbi;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Query plans on a SQLite file. A bad line scans the message table ({@code SCAN m}, also "USING
 * INDEX", which reads the whole index), or sorts in a temporary B-tree a result that reads messages
 * other than by key (one last message per conversation, or one per text match, is not "sorting
 * messages").
 */
class SqliteQueryPlanTest extends QueryPlanContract {
    @Override
    protected JdbiStore newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }

    @Override
    protected String explainPrefix() {
        return "EXPLAIN QUERY PLAN ";
    }

    @Override
    protected void analyze(Jdbi jdbi) {
        store.analyze(); // as the store keeps its statistics: without STAT4 samples
    }

    @Override
    protected List<String> growingTableScans(List<String> plan) {
        return plan.stream().filter(line -> line.matches("SCAN (c|t|f|m|conversation|thread|change_feed|message)\\b.*"))
                .toList();
    }

    @Override
    protected List<String> messageScansOrSorts(List<String> plan) {
        boolean readsManyMessages = plan.stream()
                .anyMatch(line -> line.matches("SEARCH (m|message)\\b.*") && !line.contains("id=?)")
                        && !line.contains("(rowid=?)"));
        return plan.stream().filter(line -> line.matches("SCAN (m|message)\\b.*")
                || line.contains("TEMP B-TREE") && readsManyMessages).toList();
    }
}
