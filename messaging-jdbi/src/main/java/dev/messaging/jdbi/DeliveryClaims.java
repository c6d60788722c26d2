package dev.messaging.jdbi;

import dev.messaging.common.Tenant;
import dev.messaging.delivery.Delivery;
import dev.messaging.error.UnreadableRowException;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.spi.WaitingDeliveries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Handle;

/**
 * The statements of a claim, inside its transaction: the due deliveries of a channel picked in due
 * order (on PostgreSQL {@code FOR UPDATE SKIP LOCKED}, so that instances claiming at once take
 * different ones; on SQLite under the single writer), then leased, their attempts counted, in one
 * statement.
 */
final class DeliveryClaims {
    private DeliveryClaims() {
    }

    /** The waiting deliveries per channel (through the index of waiting deliveries: finished ones cost nothing). */
    static List<WaitingDeliveries> waiting(Handle h, Instant now) {
        return h.createQuery("""
                SELECT channel, SUM(CASE WHEN status = 'Pending' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN status = 'Scheduled' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN due_at <= :now THEN 1 ELSE 0 END), MIN(CASE WHEN due_at <= :now THEN due_at END)
                FROM delivery WHERE status IN ('Pending', 'Scheduled') GROUP BY channel ORDER BY channel""")
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> {
                    long oldest = rs.getLong(5);
                    return new WaitingDeliveries(DeliveryChannel.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.wasNull() ? null : Instant.ofEpochMilli(oldest));
                }).list();
    }

    /**
     * PostgreSQL: the due deliveries picked ({@code FOR UPDATE SKIP LOCKED}), leased and returned as
     * leased with their tenants, in one statement: with the schema named ahead of it ({@code path})
     * a claim costs one round trip, its COMMIT sent with it (RoundTripsTest). The rows to update are found
     * by their keys as an array ({@code ANY}): joined to the picked rows alone, the generic plan of
     * the prepared statement hashed the whole table (34 ms a claim and its outcome at 20,000
     * deliveries, NetworkDistanceBenchmark).
     */
    private static final String CLAIM = """
            WITH picked AS (
                SELECT rid, due_at FROM delivery WHERE channel = ? AND status IN ('Pending', 'Scheduled')
                AND due_at <= ? ORDER BY due_at, rid LIMIT ? FOR UPDATE SKIP LOCKED)
            UPDATE delivery d SET lease_holder = ?, lease_until = ?, due_at = ?, attempts = d.attempts + 1,
                version = d.version + 1
            FROM picked, tenant t
            WHERE d.rid = ANY(ARRAY(SELECT rid FROM picked)) AND d.rid = picked.rid AND t.id = d.tenant
            RETURNING picked.due_at, d.rid, t.company_id, t.location_id, """ + DeliveryTable.SELECT;

    /** A delivery claimed, with the due time and row key it was picked in the order of. */
    private record Picked(long due, long rid, Delivery delivery) {
    }

    /**
     * PostgreSQL: claims as {@link #claim} does, in one statement sent after {@code path} and
     * before the transaction's COMMIT, in one round trip (a lost answer leaves leases that lapse).
     */
    static List<Delivery> claim(Handle h, String path, DeliveryChannel channel, Instant now, int limit, String claimer,
            Instant leaseUntil) {
        List<Picked> picked = Jdbc.rowsAfter(h, path, CLAIM, st -> {
            st.setString(1, channel.name());
            st.setLong(2, now.toEpochMilli());
            st.setInt(3, limit);
            st.setString(4, claimer);
            st.setLong(5, leaseUntil.toEpochMilli());
            st.setLong(6, leaseUntil.toEpochMilli());
        }, rs -> {
            Cells in = new Cells(rs);
            long due = in.longValue();
            long rid = in.longValue();
            Tenant tenant = new Tenant(in.string(), in.string());
            try {
                return new Picked(due, rid, DeliveryTable.read(in, tenant));
            } catch (UnreadableRowException e) {
                Unreadable.leftOut(e, "claims lease it and hand it to nobody");
                return null;
            }
        }, true);
        return picked.stream().filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(Picked::due).thenComparingLong(Picked::rid))
                .map(Picked::delivery).toList();
    }

    /** Claims up to {@code limit} deliveries of {@code channel} due at {@code now} for {@code claimer}; tenants by key. */
    static List<Delivery> claim(Handle h, Dialect dialect, DeliveryChannel channel, Instant now, int limit,
            String claimer, Instant leaseUntil, LongFunction<Tenant> tenantOfKey) {
        boolean single = dialect == Dialect.SQLITE;
        List<long[]> keys = new ArrayList<>();
        List<Delivery> picked = h.createQuery("SELECT d.rid, d.tenant, " + DeliveryTable.SELECT
                + " FROM delivery d WHERE d.channel = :channel AND d.status IN ('Pending', 'Scheduled')"
                + " AND d.due_at <= :now ORDER BY d.due_at, d.rid LIMIT :limit"
                + (single ? "" : " FOR UPDATE SKIP LOCKED"))
                .bind("channel", channel.name()).bind("now", now.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> {
                    keys.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    try {
                        return DeliveryTable.read(new Cells(rs, 3), new Tenant("", ""));
                    } catch (UnreadableRowException e) {
                        // leased with the rest but handed to nobody: it moves behind the due
                        // deliveries once a lease, so it can never starve the others' claims
                        Unreadable.leftOut(e, "claims lease it and hand it to nobody");
                        return null;
                    }
                }).list();
        if (!picked.isEmpty()) {
            // the rows are locked (PostgreSQL) or the store is (SQLite): one statement leases them all
            StringBuilder rids = new StringBuilder("[");
            for (long[] key : keys) {
                rids.append(rids.length() == 1 ? "" : ",").append(key[0]);
            }
            h.createUpdate("UPDATE delivery SET lease_holder = :claimer, lease_until = :until, due_at = :until,"
                    + " attempts = attempts + 1, version = version + 1 WHERE rid IN (" + dialect.keysIn("rids") + ")")
                    .bind("claimer", claimer).bind("until", leaseUntil.toEpochMilli())
                    .bind("rids", rids.append(']').toString()).execute();
        }
        List<Delivery> claimed = new ArrayList<>(picked.size());
        for (int i = 0; i < picked.size(); i++) {
            Delivery task = picked.get(i);
            if (task == null) {
                continue;
            }
            Tenant tenant = tenantOfKey.apply(keys.get(i)[1]);
            claimed.add(task.with(b -> b.companyId(tenant.companyId()).locationId(tenant.locationId())
                    .leaseHolder(claimer).leaseUntil(leaseUntil).dueAt(leaseUntil)
                    .attempts(task.attempts() + 1).version(task.version() + 1)));
        }
        return claimed;
    }
}
