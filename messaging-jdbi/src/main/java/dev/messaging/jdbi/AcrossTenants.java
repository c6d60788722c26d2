package dev.messaging.jdbi;

import dev.messaging.common.Tenant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The store's work of the service's own, across tenants (the outbox's claims, early reports, its
 * waiting counts, a provider id's tenant): not in a tenant's transaction. On PostgreSQL each runs
 * in a transaction that names the store's schema, one round trip of its own (a tenant's
 * transactions send it with their first statement); on SQLite a write takes the single writer
 * for itself, after the open group committed.
 */
final class AcrossTenants {
    private final Jdbi writer;
    private final Jdbi reader;
    private final boolean singleWriter;
    private final String searchPath;
    private final Runnable checkFile;
    private final AtomicLong ownWrites;
    private final TenantGate writers;
    private final Runnable flushGroup;
    private final Map<Long, Tenant> tenantsByKey = new ConcurrentHashMap<>();

    /**
     * Over the store's {@code writer} and {@code reader}; {@code searchPath} null on SQLite;
     * {@code checkFile} checks the store's file before each call, {@code ownWrites} counts the
     * writes; {@code flushGroup} commits the open group (gate held).
     */
    AcrossTenants(Jdbi writer, Jdbi reader, boolean singleWriter, String searchPath, Runnable checkFile,
            AtomicLong ownWrites, TenantGate writers, Runnable flushGroup) {
        this.writer = writer;
        this.reader = reader;
        this.singleWriter = singleWriter;
        this.searchPath = searchPath;
        this.checkFile = checkFile;
        this.ownWrites = ownWrites;
        this.writers = writers;
        this.flushGroup = flushGroup;
    }

    /** {@code work} in a write transaction of its own on the writer. */
    <T> T write(String doing, Function<Handle, T> work) {
        return writeNaming(doing, (h, path) -> {
            if (path != null) {
                h.execute(path);
            }
            return work.apply(h);
        });
    }

    /**
     * {@code work} in a write transaction of its own on the writer, given the statement that names
     * the schema (null on SQLite) to send with its first statement: in one round trip with it.
     */
    <T> T writeNaming(String doing, BiFunction<Handle, String, T> work) {
        checkFile.run();
        if (singleWriter) {
            writers.acquireAll();
            flushGroup.run();
        }
        try {
            ownWrites.incrementAndGet();
            return Handles.withHandle(writer, doing, handle -> Handles.inTransaction(handle, doing, true,
                    h -> work.apply(h, searchPath)));
        } finally {
            if (singleWriter) {
                writers.releaseAll();
            }
        }
    }

    /** {@code work} on a reader: on PostgreSQL in a transaction that names the schema, else as it comes. */
    <T> T read(String doing, Function<Handle, T> work) {
        checkFile.run();
        try {
            return Handles.withHandle(reader, doing, searchPath == null ? work
                    : handle -> Handles.inTransaction(handle, doing, false, h -> {
                        h.execute(searchPath);
                        return work.apply(h);
                    }));
        } catch (RuntimeException e) {
            throw Failures.isStorageFailure(e) ? Failures.translate(doing, e) : e;
        }
    }

    /** The tenant of a key (tenants never change once created: cached). */
    Tenant tenantOfKey(Handle h, long key) {
        return tenantsByKey.computeIfAbsent(key, k -> h.createQuery(
                "SELECT company_id, location_id FROM tenant WHERE id = :id").bind("id", k)
                .map((rs, ctx) -> new Tenant(rs.getString(1), rs.getString(2))).one());
    }
}
