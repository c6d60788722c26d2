package dev.messaging.jdbi;

import dev.messaging.common.Tenant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Tenants' rows: their keys as found (a tenant's row, once committed, keeps its key for good: it
 * is never deleted, so the store looks it up once instead of once per call), and a write's lock
 * on its tenant, which reads the tenant's feed head and creates the row on the tenant's first write.
 */
final class TenantKeys {
    private static final String TENANT =
            "SELECT id, feed_head FROM tenant WHERE company_id = :company AND location_id = :location";
    /** PostgreSQL's tenant lock with positional binds, to go after a write's first statement. */
    static final String LOCK_AFTER = Dialect.POSTGRESQL.lockTenant().replace(":company", "?").replace(":location", "?");

    private final Dialect dialect;
    private final Map<Tenant, Long> keys = new ConcurrentHashMap<>();

    TenantKeys(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The tenant's key if a committed row of it was found before, else null. */
    Long known(Tenant tenant) {
        return keys.get(tenant);
    }

    /**
     * A read's tenant key and feed head as the dialect keeps it (see {@link #headAsKept}); key -1
     * and head 0 for a tenant with no row.
     */
    long[] read(Handle h, Tenant tenant) {
        Optional<long[]> keyAndHead = row(h, TENANT, tenant);
        keyAndHead.ifPresent(k -> keys.put(tenant, k[0]));
        return keyAndHead.map(this::headAsKept).orElse(new long[] {-1, 0});
    }

    /**
     * Takes the tenant's write lock; returns its key and feed head. {@code first} (PostgreSQL;
     * null: none) goes ahead of the lock in its round trip. A tenant's row is created by its first
     * write (and is gone again if that write rolls back).
     */
    long[] lock(Handle h, Tenant tenant, String first) {
        Long known = keys.get(tenant);
        if (known != null && !dialect.writesFeedHead() && first == null) {
            // SQLite: BEGIN IMMEDIATE already serializes every write of the file; the head is read when needed
            return new long[] {known, JdbiTransaction.HEAD_NOT_READ};
        }
        Optional<long[]> locked = first == null ? row(h, dialect.lockTenant(), tenant)
                : Jdbc.rowsAfter(h, first, LOCK_AFTER, st -> {
                    st.setString(1, tenant.companyId());
                    st.setString(2, tenant.locationId());
                }, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, false).stream().findFirst();
        if (locked.isPresent()) {
            keys.putIfAbsent(tenant, locked.get()[0]); // a row found is committed (one inserted here may not be)
            return headAsKept(locked.get());
        }
        h.createUpdate("""
                INSERT INTO tenant (company_id, location_id, feed_head) VALUES (:company, :location, 0)
                ON CONFLICT (company_id, location_id) DO NOTHING""")
                .bind("company", tenant.companyId()).bind("location", tenant.locationId()).execute();
        return headAsKept(row(h, dialect.lockTenant(), tenant).orElseThrow());
    }

    /** The tenant's key and its head as read with it, or the head left to be read ({@link Dialect#writesFeedHead}). */
    private long[] headAsKept(long[] keyAndHead) {
        return dialect.writesFeedHead() ? keyAndHead : new long[] {keyAndHead[0], JdbiTransaction.HEAD_NOT_READ};
    }

    private static Optional<long[]> row(Handle h, String select, Tenant tenant) {
        return h.createQuery(select).bind("company", tenant.companyId()).bind("location", tenant.locationId())
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne();
    }
}
