package dev.messaging.jdbi;

import dev.messaging.error.StorageException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Getting, beginning, rolling back and giving back a store's Jdbi handles, failures translated ({@link Failures}). */
final class Handles {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiStore.class);

    private Handles() {
    }

    /** A handle for {@code work}; a failure to get or to release the connection becomes a {@link StorageException}. */
    static <T> T withHandle(Jdbi jdbi, String doing, Function<Handle, T> work) {
        Handle h = open(jdbi, doing);
        T result;
        try {
            result = work.apply(h);
        } catch (RuntimeException | Error e) {
            closeQuietly(h, e);
            throw e;
        }
        try {
            h.close();
        } catch (RuntimeException e) {
            LOG.warn("messaging: releasing a connection after {} failed; the call itself succeeded", doing, e);
        }
        return result;
    }

    /**
     * {@code work} in a transaction of {@code h}: begun, then committed ({@code commit}) or rolled
     * back (a read); on a failure rolled back, a storage failure translated naming {@code doing}.
     */
    static <T> T inTransaction(Handle h, String doing, boolean commit, Function<Handle, T> work) {
        return begun(h, doing, open -> {
            T result = work.apply(open);
            if (commit) {
                open.commit();
            } else {
                open.rollback();
            }
            return result;
        });
    }

    /**
     * {@code work} in a read transaction of a handle of {@code jdbi}, its answer returned before
     * the transaction ends: {@code endings} end it and give the connection back afterwards. A
     * failure ends it at once, a storage failure translated naming {@code doing}.
     */
    static <T> T readEndedAfter(Jdbi jdbi, String doing, ReadEndings endings, Function<Handle, T> work) {
        Handle h = open(jdbi, doing);
        T result;
        try {
            result = begun(h, doing, work);
        } catch (RuntimeException | Error e) {
            closeQuietly(h, e);
            throw e;
        }
        endings.end(h);
        return result;
    }

    private static Handle open(Jdbi jdbi, String doing) {
        try {
            return jdbi.open();
        } catch (RuntimeException e) {
            throw Failures.translate("getting a connection for " + doing, e);
        }
    }

    /** {@code work} in a transaction of {@code h} begun here; on a failure rolled back, a storage failure translated. */
    private static <T> T begun(Handle h, String doing, Function<Handle, T> work) {
        begin(h, doing);
        try {
            return work.apply(h);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(h, e);
            if (Failures.isStorageFailure(e)) {
                throw Failures.translate(doing, e);
            }
            throw e;
        }
    }

    static void begin(Handle h, String doing) {
        try {
            h.begin();
        } catch (RuntimeException e) {
            throw Failures.translateUnwritten("beginning " + doing, e);
        }
    }

    static void rollbackQuietly(Handle h, Throwable failure) {
        try {
            h.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    static void closeQuietly(Handle h, Throwable failure) {
        try {
            h.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
