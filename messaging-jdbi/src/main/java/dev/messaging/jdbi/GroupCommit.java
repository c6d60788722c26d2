package dev.messaging.jdbi;

import dev.messaging.error.CommitOutcomeUnknownException;
import dev.messaging.error.StorageException;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQLite's single writer shared by the writers that queue for it. A writer that finds others
 * waiting behind it leaves its transaction open for them; each writer after the first runs in a
 * savepoint of that one transaction (a failure rolls back its own savepoint, nothing of the others;
 * the first writer's failure rolls back the transaction, which holds nothing else), and the last
 * writer of the group commits for all. Every writer returns only after the commit that holds its
 * write, so an acknowledged write is as durable as before.
 *
 * <p>Why: a SQLite commit appends every page the transaction changed to the log. Writers of one
 * group share the hot pages (the right edges of the time-ordered indexes, the feed's tail), so a
 * group logs far fewer pages than its writers would one by one. A writer alone
 * commits at once, as before.
 */
final class GroupCommit {
    /** Writers in one transaction at most: bounds how long the first waits for its commit. */
    private static final int MAX_GROUP = 32;

    /**
     * How long a writer waits for its group's commit before it checks that someone is still there
     * to commit it. Short checks cost: each wakes a waiting writer, which then competes for the
     * lock with the writer it waits for (measured: at 1 ms, eight writers were slower than one).
     */
    private static final long RECHECK_MILLIS = 20;

    /**
     * How long the writer's handle is kept between groups before it goes back to the pool, which
     * then can retire its connection. Opening a Jdbi handle (its configuration copied) and borrowing
     * the connection cost a few microseconds, as much as a statement of the write.
     */
    private static final long KEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final TenantGate gate;
    private final Jdbi writer;
    /** Takes a connection out of the pool for good (one a failed commit or begin may have left unusable). */
    private final Consumer<Connection> discard;
    /** The group whose transaction is open, if any; read and written only while holding the gate. */
    private Group open;
    /** The handle of the last group, committed, kept for the next (as {@link #open}, under the gate); since when. */
    private Handle kept;
    private long keptSince;
    /** Commits and the writes they held, so far (tests see groups form); written while holding the gate. */
    private volatile long commits;
    private volatile long committedWrites;

    GroupCommit(TenantGate gate, Jdbi writer, Consumer<Connection> discard) {
        this.gate = gate;
        this.writer = writer;
        this.discard = discard;
    }

    /** One open transaction and what became of it. */
    private static final class Group {
        final Handle handle;
        int members;
        final CompletableFuture<Void> outcome = new CompletableFuture<>();

        Group(Handle handle) {
            this.handle = handle;
        }
    }

    /**
     * Runs {@code work} in the open group's transaction (opening one if none is), and returns its
     * result once that transaction is committed. A failure of {@code work} is its caller's alone:
     * its savepoint is rolled back and the failure thrown as it came.
     */
    <T> T write(Function<Handle, T> work) {
        gate.acquireAll();
        boolean holding = true;
        try {
            Group group = open != null ? open : begin();
            Handle h = group.handle;
            // the first writer of a group needs no savepoint: should it fail, the transaction holds
            // nothing else and is rolled back whole (most groups are one writer)
            boolean first = group.members == 0;
            T result;
            try {
                if (!first) {
                    run(h, "SAVEPOINT member");
                }
                result = work.apply(h);
                if (!first) {
                    run(h, "RELEASE member");
                }
            } catch (RuntimeException | Error e) {
                if (first && Failures.isStorageFailure(e) && !Failures.isUniqueViolation(e)) {
                    // the database refused a statement (full, I/O): whatever it left on this
                    // connection and its cached statements, no later write meets it
                    open = null;
                    discard(h);
                } else if (first) {
                    end(group, false);
                } else {
                    undo(group, e);
                }
                throw e;
            }
            group.members++;
            if (group.members < MAX_GROUP && gate.hasQueuedWriters()) {
                gate.releaseAll();
                holding = false;
                awaitCommit(group);
            } else {
                commit(group);
            }
            return result;
        } finally {
            if (holding) {
                gate.releaseAll();
            }
        }
    }

    /**
     * Commits the open group, if any, and gives the kept handle back, before work that needs the
     * writer to itself or the store closes; the caller holds the gate.
     */
    void flush() {
        if (open != null) {
            try {
                commit(open);
            } catch (StorageException e) {
                // the group's writers got it; the caller's own work goes on with a fresh connection
            }
        }
        if (kept != null) {
            close(kept);
            kept = null;
        }
    }

    /** Commits so far and the writes they held. */
    long[] commitsAndWrites() {
        return new long[] {commits, committedWrites};
    }

    private Group begin() {
        Handle h = kept;
        kept = null;
        if (h == null) {
            try {
                h = writer.open();
            } catch (RuntimeException e) {
                throw Failures.translate("getting a connection for a write", e);
            }
            keptSince = System.nanoTime();
        }
        try {
            // By statement, the connection left in auto-commit: the driver's own transaction calls
            // add an empty transaction each (commit() begins the next one at once, and handing the
            // connection back in auto-commit mode commits that).
            run(h, "BEGIN IMMEDIATE");
        } catch (RuntimeException e) {
            try {
                // a transaction left open on this connection (a ROLLBACK that failed): end it, once
                run(h, "ROLLBACK");
                run(h, "BEGIN IMMEDIATE");
            } catch (RuntimeException again) {
                e.addSuppressed(again);
                discard(h);
                // nothing was written: the next write gets another connection
                throw Failures.translateUnwritten("beginning a write", e);
            }
        }
        open = new Group(h);
        return open;
    }

    /** Rolls back one writer's savepoint; if even that fails, the whole group is rolled back. */
    private void undo(Group group, Throwable failure) {
        try {
            run(group.handle, "ROLLBACK TO member");
            run(group.handle, "RELEASE member");
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            end(group, false);
            group.outcome.completeExceptionally(new StorageException("a write was rolled back: the transaction it"
                    + " shared with another write failed (" + failure + "); nothing of it is stored", failure, true));
        }
    }

    private void commit(Group group) {
        try {
            run(group.handle, "COMMIT");
        } catch (RuntimeException e) {
            RuntimeException failure = Failures.isFull(e)
                    // SQLite refused the commit for want of room and rolled it back: nothing is stored
                    ? Failures.translateUnwritten("committing a write", e)
                    : Failures.commitOutcomeUnknown(e);
            open = null;
            discard(group.handle); // whatever state the failed commit left it in, no later write meets it
            group.outcome.completeExceptionally(failure);
            throw failure;
        }
        end(group, true);
        commits++;
        committedWrites += group.members;
        group.outcome.complete(null);
    }

    /**
     * Ends the group's transaction: committed, its handle is kept for the next group (for a while);
     * otherwise rolled back and the connection given back to the pool, which discards a broken one.
     */
    private void end(Group group, boolean committed) {
        open = null;
        if (committed && System.nanoTime() - keptSince < KEEP_NANOS) {
            kept = group.handle;
            return;
        }
        try {
            if (!committed) {
                run(group.handle, "ROLLBACK");
            }
        } catch (RuntimeException e) {
            // the pool discards a broken connection
        } finally {
            close(group.handle);
        }
    }

    /** Rolls back what may be open, and takes the handle's connection out of the pool for good. */
    private void discard(Handle handle) {
        try {
            run(handle, "ROLLBACK");
        } catch (RuntimeException e) {
            // nothing open, or the connection is broken: it goes either way
        }
        try {
            discard.accept(handle.getConnection());
        } catch (RuntimeException e) {
            // the pool retires it when it fails its next check
        }
        close(handle);
    }

    private static void close(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException e) {
            // the connection goes back to the pool all the same, which discards a broken one
        }
    }

    /**
     * Waits for a later writer to commit the group. Should none come (a writer behind gave up
     * waiting for its turn), this one commits it as soon as the writer is free.
     */
    private void awaitCommit(Group group) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    group.outcome.get(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    if (gate.tryAcquireAll()) {
                        try {
                            if (open == group) {
                                commit(group);
                            }
                        } finally {
                            gate.releaseAll();
                        }
                    }
                } catch (InterruptedException e) {
                    // the write is in the group's hands now: its outcome is still this call's answer
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof CommitOutcomeUnknownException) {
                        throw new CommitOutcomeUnknownException(cause.getMessage(), cause);
                    }
                    throw new StorageException(cause.getMessage(), cause, true);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A statement of the transaction's own (the writer is SQLite's; a cached statement, no Jdbi setup). */
    private static void run(Handle h, String sql) {
        Jdbc.run(h, Dialect.SQLITE, sql);
    }
}
