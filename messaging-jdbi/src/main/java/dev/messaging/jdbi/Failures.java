package dev.messaging.jdbi;

import dev.messaging.error.CommitOutcomeUnknownException;
import dev.messaging.error.StorageException;
import dev.messaging.spi.DuplicateIdException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * Turns what Jdbi, HikariCP and the drivers throw into the library's {@link StorageException}, so
 * that a caller never sees them: a lock not granted in time, a lost or refused connection, a busy
 * SQLite file or a serialization failure is retryable (the transaction rolled back); anything else
 * is not.
 */
final class Failures {
    /** PostgreSQL: lock_timeout, serialization failure, deadlock, and the connection exception class. */
    private static final Set<String> RETRYABLE_STATES = Set.of("55P03", "40001", "40P01", "57P01", "57P03");
    /** SQLite primary result codes: BUSY, LOCKED. */
    private static final Set<Integer> RETRYABLE_SQLITE = Set.of(5, 6);
    /** SQLite: a constraint failed. */
    private static final int SQLITE_CONSTRAINT = 19;
    /** SQLite: the database or disk is full. */
    private static final int SQLITE_FULL = 13;

    private Failures() {
    }

    /** The library's exception for {@code failure}, thrown while {@code doing} something. */
    static StorageException translate(String doing, Throwable failure) {
        if (isFull(failure)) {
            // SQLite rolled the statement's transaction back: nothing of it is stored
            return translateUnwritten(doing, failure);
        }
        SQLException sql = sqlCause(failure);
        boolean retryable = sql != null && isRetryable(sql);
        String detail = sql != null ? sql.getMessage() : failure.getMessage();
        return new StorageException(doing + " failed" + (retryable ? " (try again)" : "") + ": " + detail, failure,
                retryable);
    }

    /**
     * The library's exception for {@code failure} of a step that wrote nothing (beginning a
     * transaction, a commit SQLite refused for want of room): retryable, and said so.
     */
    static StorageException translateUnwritten(String doing, Throwable failure) {
        SQLException sql = sqlCause(failure);
        String detail = sql != null ? sql.getMessage() : failure.getMessage();
        return new StorageException(doing + " failed, nothing was written (try again"
                + (isFull(failure) ? " once room is freed" : "") + "): " + detail, failure, true);
    }

    /** Whether {@code failure} is SQLite's "database or disk is full" (SQLITE_FULL). */
    static boolean isFull(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql != null && sql.getSQLState() == null && (sql.getErrorCode() & 0xff) == SQLITE_FULL;
    }

    /** Whether {@code failure} is a storage failure to translate (not one of the library's own). */
    static boolean isStorageFailure(Throwable failure) {
        return failure instanceof JdbiException || failure instanceof SQLException;
    }

    /** Whether {@code failure} broke a unique key (the caller knows which one it can be). */
    static boolean isUniqueViolation(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return false;
        }
        return "23505".equals(sql.getSQLState())
                || (sql.getErrorCode() & 0xff) == SQLITE_CONSTRAINT && String.valueOf(sql.getMessage()).contains("UNIQUE");
    }

    /**
     * Whether {@code failure} is a lost connection: the connection exception class (08), or the
     * server ending the backend (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
     */
    static boolean isConnectionLost(Throwable failure) {
        SQLException sql = sqlCause(failure);
        String state = sql == null ? null : sql.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** The library's exception for a connection that failed while committing a write ({@code failure}). */
    static CommitOutcomeUnknownException commitOutcomeUnknown(Throwable failure) {
        return new CommitOutcomeUnknownException("the connection failed while committing a write; it may or may not"
                + " be stored: " + (sqlCause(failure) != null ? sqlCause(failure).getMessage() : failure.getMessage()),
                failure);
    }

    private static boolean isRetryable(SQLException sql) {
        String state = sql.getSQLState();
        return sql instanceof SQLTransientException
                || state != null && (RETRYABLE_STATES.contains(state) || state.startsWith("08"))
                || state == null && RETRYABLE_SQLITE.contains(sql.getErrorCode() & 0xff);
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /**
     * {@code insert}'s result; a unique violation is the row's id, taken in the tenant
     * ({@link DuplicateIdException}).
     */
    static <T> T orDuplicate(String id, Supplier<T> insert) {
        try {
            return insert.get();
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw new DuplicateIdException(id);
            }
            throw e;
        }
    }
}
