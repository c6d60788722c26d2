package dev.messaging.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Open SMTP connections reused across sends: at most {@code connections} open at once, each used by
 * one sending thread at a time (a Transport is not thread-safe). A connection that failed is closed
 * and not reused; an idle one the server closed is noticed when taken (a NOOP) and replaced.
 */
final class TransportPool implements AutoCloseable {
    private final Session session;
    private final SmtpSettings smtp;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Transport> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    TransportPool(Session session, SmtpSettings smtp) {
        this.session = session;
        this.smtp = smtp;
        this.permits = new Semaphore(smtp.connections(), true);
    }

    /** A connected transport for this thread; give it back with {@link #release} or {@link #discard}. */
    Transport borrow() throws MessagingException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("the mail sender is closed");
        }
        permits.acquire();
        try {
            for (Transport t = idle.poll(); t != null; t = idle.poll()) {
                if (t.isConnected()) {
                    return t;
                }
                closeQuietly(t);
            }
            Transport fresh = session.getTransport(smtp.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp");
            fresh.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
            return fresh;
        } catch (MessagingException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Gives back a transport that is fit to send again. */
    void release(Transport t) {
        if (closed) {
            closeQuietly(t);
        } else {
            idle.offer(t);
        }
        permits.release();
    }

    /** Gives back a transport that failed: it is closed, and the next borrower opens a new one. */
    void discard(Transport t) {
        closeQuietly(t);
        permits.release();
    }

    @Override
    public void close() {
        closed = true;
        for (Transport t = idle.poll(); t != null; t = idle.poll()) {
            closeQuietly(t);
        }
    }

    private static void closeQuietly(Transport t) {
        try {
            t.close();
        } catch (MessagingException | RuntimeException e) {
            // closing a broken connection: nothing left to do with it
        }
    }
}
