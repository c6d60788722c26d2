package dev.messaging.jdbi;

import java.util.List;
import java.util.Set;

/**
 * A customer's erasure on one {@link JdbiTransaction}: the change feed first (the ids its rows
 * name by row key written back, then whatever is about the customer emptied), then per
 * conversation its search index, threads, deliveries, messages and the row itself.
 */
final class JdbiErasure {
    private JdbiErasure() {
    }

    /** Erases {@code customerId}'s rows in {@code tx}'s tenant; returns how many messages went. */
    static int erase(JdbiTransaction tx, String customerId) {
        // the feed first: ids its rows name by row key written back, then what is about the customer emptied
        tx.update("""
                UPDATE change_feed SET entity_rid = NULL,
                    entity_id = (SELECT m.id FROM message m WHERE m.rid = change_feed.entity_rid)
                WHERE tenant = :tenant AND entity_rid IN (SELECT m.rid FROM message m JOIN conversation c
                    ON c.rid = m.conversation WHERE c.tenant = :tenant AND c.customer_id = :customer)""")
                .bind("customer", customerId).execute();
        tx.update("""
                UPDATE change_feed SET payload = NULL, customer_id = NULL, conversation = NULL
                WHERE tenant = :tenant AND (customer_id = :customer OR conversation IN (SELECT rid FROM conversation
                    WHERE tenant = :tenant AND customer_id = :customer))""")
                .bind("customer", customerId).execute();
        List<Long> conversations = tx.query("SELECT rid FROM conversation WHERE tenant = :tenant AND customer_id = :customer")
                .bind("customer", customerId).mapTo(Long.class).list();
        int erased = 0;
        for (long rid : conversations) {
            for (long message : tx.h().createQuery("SELECT rid FROM message WHERE conversation = :rid")
                    .bind("rid", rid).mapTo(Long.class).list()) {
                tx.dialect().unindexMessage(tx.h(), message);
            }
            tx.dialect().indexContact(tx.h(), rid, Set.of());
            tx.h().createUpdate("DELETE FROM thread WHERE conversation = :rid").bind("rid", rid).execute();
            tx.update("DELETE FROM delivery WHERE tenant = :tenant AND conversation_id = (SELECT id FROM conversation"
                    + " WHERE rid = :rid)").bind("rid", rid).execute();
            erased += tx.h().createUpdate("DELETE FROM message WHERE conversation = :rid").bind("rid", rid).execute();
            tx.h().createUpdate("DELETE FROM conversation WHERE rid = :rid").bind("rid", rid).execute();
        }
        return erased;
    }
}
