package dev.messaging.jdbi;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Query plans on PostgreSQL, after a bulk seed of another tenant (20,000 conversations, 200,000
 * messages) and ANALYZE: its planner rightly prefers sequential scans on tiny tables, so plans on
 * tiny data say nothing. A bad line is a sequential scan of the message table, or a Sort whose input
 * reads the message table other than by primary key.
 */
class PostgresQueryPlanTest extends QueryPlanContract {
    @Override
    protected JdbiStore newStore() {
        return JdbiStore.create(TestDatabases.postgresPool());
    }

    @Override
    protected String explainPrefix() {
        return "EXPLAIN ";
    }

    @Override
    protected void analyze(Jdbi jdbi) {
        jdbi.useHandle(h -> h.execute("ANALYZE"));
    }

    @Override
    protected void seedBackground(Jdbi jdbi) {
        String bulk = "bulk-" + java.util.UUID.randomUUID();
        jdbi.useHandle(h -> {
            h.createUpdate("""
                    INSERT INTO conversation (id, company_id, location_id, customer_id, created_date, version, archived,
                        status, deleted, last_message_date, last_message_id, last_message_direction, customer_count,
                        deleted_customer_count, last_live_customer_number, last_live_customer_feed_seq,
                        last_customer_feed_seq, shop_read_number)
                    SELECT :bulk || '-c' || g, :bulk, 'loc', 'cust' || g, g, 1, false, 'open', false, 1000000 + g,
                        :bulk || '-m' || g, 'inbound', 10, 0, 10, g, g, 0
                    FROM generate_series(1, 20000) g""").bind("bulk", bulk).execute();
            h.createUpdate("""
                    INSERT INTO message (id, company_id, location_id, conversation_id, customer_id, created_date, version,
                        type, text, author_type, is_order_share, detached, deleted, request_appointment_confirmation,
                        avoid_sms_quiet_hours, imported, customer_number, feed_seq)
                    SELECT :bulk || '-m' || g, :bulk, 'loc', :bulk || '-c' || (1 + (g * 7919) % 20000), 'cust', g, 1,
                        'Transactional', 'bulk text ' || g, 'Customer', false, false, g % 50 = 0, false, false, false,
                        g / 20000 + 1, g
                    FROM generate_series(1, 200000) g""").bind("bulk", bulk).execute();
            h.createUpdate("""
                    INSERT INTO thread (conversation_id, user_id, company_id, location_id, created_date, version,
                        read_number, read_feed_seq, archived_seq, important)
                    SELECT :bulk || '-c' || (1 + g % 20000), 'user' || (g % 50), :bulk, 'loc', 0, 2, 1, g, 0, false
                    FROM generate_series(1, 40000) g
                    ON CONFLICT DO NOTHING""").bind("bulk", bulk).execute();
            h.createUpdate("""
                    INSERT INTO search_doc (doc_key, company_id, location_id, conversation_id, tokens)
                    SELECT 'm:' || :bulk || '-m' || g, :bulk, 'loc', :bulk || '-c' || (1 + (g * 7919) % 20000),
                        array_to_tsvector(ARRAY['bulk', 'text', 'w' || (g % 5000)])
                    FROM generate_series(1, 200000) g""").bind("bulk", bulk).execute();
        });
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
                    if (plan.get(j).contains(" on message ") && !plan.get(j).contains("using message_pkey")) {
                        bad.add(line + " (over " + plan.get(j).trim() + ")");
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
