package dev.messaging.jdbi;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL: a read's transaction ended (ROLLBACK: it wrote nothing) and its connection given
 * back after the caller has its answer, not before. A read whose statements go in one execution
 * then costs its caller one round trip instead of two; with the database across a network (0.5–1
 * ms a round trip) that is half of an inbox page's time (NetworkDistanceBenchmark).
 *
 * <p>The endings run on a few daemon threads of their own ({@code messaging-read-end-N}, none
 * while no read ends: they stop after a second idle); when all are busy a caller ends its own
 * read, as without them. A read that failed is ended by its caller. {@link #close} waits for the
 * endings under way, so that the store's pool closes with every connection given back.
 */
final class ReadEndings implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiStore.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private final ThreadPoolExecutor executor;

    /** Endings of up to {@code threads} reads at once; more end on their callers' threads. */
    ReadEndings(int threads) {
        executor = new ThreadPoolExecutor(0, threads, 1, TimeUnit.SECONDS, new SynchronousQueue<>(), work -> {
            Thread t = new Thread(work, "messaging-read-end-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, (work, busy) -> work.run()); // all busy, or closed: the caller ends its own
    }

    /** Ends {@code h}'s transaction and closes it, on a thread of these endings when one is free. */
    void end(Handle h) {
        executor.execute(() -> endNow(h));
    }

    private static void endNow(Handle h) {
        try {
            h.rollback();
        } catch (RuntimeException e) {
            // the answer is given; a connection that cannot end its read is dropped by the pool at close
            LOG.debug("messaging: ending a read's transaction failed", e);
        } finally {
            try {
                h.close();
            } catch (RuntimeException e) {
                LOG.debug("messaging: giving back a read's connection failed", e);
            }
        }
    }

    /** Waits (up to 10 seconds) for the endings under way; later ones run on their callers' threads. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("messaging: reads still ending after 10 s at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
