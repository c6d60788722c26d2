package dev.messaging.jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Query plans on PostgreSQL, after a bulk seed of another tenant (20,000 conversations, 200,000
 * messages) and ANALYZE: its planner rightly prefers sequential scans on tiny tables, so plans on
 * tiny data say nothing. A bad line is a sequential scan of the message table, or a Sort whose input
 * reads the message table other than by key (one last message per conversation) or as the text
 * matches themselves (a text query sorts its matches by design: its cost follows the matches).
 */
class PostgresQueryPlanTest extends QueryPlanContract {
    @Override
    protected JdbiStore newStore() {
        return JdbiStore.create(TestDatabases.postgresPoolInSchema());
    }

    @Override
    protected String explainPrefix() {
        return "EXPLAIN ";
    }

    @Override
    protected void analyze(Jdbi jdbi) {
        // ANALYZE samples 30,000 rows by default: whether the busy conversation's message count was
        // estimated right (and so whether its message list was planned as an index scan or as a
        // sort of an underestimated few rows) changed from run to run. With every row sampled the
        // estimates, and the plans, are the same each run.
        jdbi.useHandle(h -> {
            h.execute("ALTER TABLE message ALTER COLUMN conversation SET STATISTICS 10000");
            h.execute("ANALYZE");
        });
    }

    @Override
    protected void seedBackground(Jdbi jdbi) {
        String bulk = "bulk-" + UUID.randomUUID();
        jdbi.useHandle(h -> {
            long tenant = h.createQuery("INSERT INTO tenant (company_id, location_id, feed_head) VALUES (:bulk, 'loc', 0)"
                    + " RETURNING id").bind("bulk", bulk).mapTo(Long.class).one();
            h.createUpdate("""
                    INSERT INTO conversation (id, tenant, customer_id, created_date, version, row_seq, archived, status,
                        deleted, last_message_date, last_message_id, last_message_direction, customer_count,
                        deleted_customer_count, last_live_customer_number, last_live_customer_feed_seq,
                        last_customer_feed_seq, shop_read_number)
                    SELECT :bulk || '-c' || g, :tenant, 'cust' || g, g, 1, 0, false, 'open', false, 1000000 + g,
                        :bulk || '-m' || g, 'inbound', 10, 0, 10, g, g, 0
                    FROM generate_series(1, 20000) g""").bind("bulk", bulk).bind("tenant", tenant).execute();
            h.createUpdate("""
                    INSERT INTO message (id, tenant, conversation, created_date, version, deleted, author_type, text,
                        customer_number, feed_seq, tokens)
                    SELECT :bulk || '-m' || g, :tenant, c.rid, g, 1, g % 50 = 0, 'Customer', 'bulk text ' || g,
                        g / 20000 + 1, g, array_to_tsvector(ARRAY['bulk', 'text', 'w' || (g % 5000)])
                    FROM generate_series(1, 200000) g
                    JOIN conversation c ON c.id = :bulk || '-c' || (1 + (g * 7919) % 20000)""")
                    .bind("bulk", bulk).bind("tenant", tenant).execute();
            h.createUpdate("""
                    INSERT INTO thread (conversation, user_id, created_date, version, read_number, read_feed_seq,
                        archived_seq, important)
                    SELECT c.rid, 'user' || (g % 50), 0, 2, 1, g, 0, false
                    FROM generate_series(1, 40000) g JOIN conversation c ON c.id = :bulk || '-c' || (1 + g % 20000)
                    ON CONFLICT DO NOTHING""").bind("bulk", bulk).execute();
        });
    }

    @Override
    protected List<String> growingTableScans(List<String> plan) {
        return plan.stream().filter(line -> line.matches(".*Seq Scan on (conversation|thread|message|change_feed)\\b.*"))
                .toList();
    }

    @Override
    protected List<String> messageScansOrSorts(List<String> plan) {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            String line = plan.get(i);
            if (line.contains("Seq Scan on message")) {
                bad.add(line);
            }
            if (line.trim().startsWith("->  Sort") || line.startsWith("Sort")) {
                int depth = indent(line);
                for (int j = i + 1; j < plan.size() && indent(plan.get(j)) > depth; j++) {
                    String read = plan.get(j);
                    boolean byKey = read.contains("using message_tenant_id_key");
                    boolean textMatches = read.contains("Bitmap Heap Scan on message") && plan
                            .subList(j + 1, Math.min(j + 4, plan.size())).stream()
                            .anyMatch(next -> next.contains("Bitmap Index Scan on message_tokens"));
                    if (read.contains(" on message ") && !byKey && !textMatches) {
                        bad.add(line + " (over " + read.trim() + ")");
                    }
                }
            }
        }
        return bad;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
