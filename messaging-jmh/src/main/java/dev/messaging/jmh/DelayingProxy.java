package dev.messaging.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy that holds every chunk it forwards for a fixed delay each way, so that a database on
 * this machine answers as one across a network does: a round trip costs twice the delay more. JDK
 * only. Each direction of each connection has a reader (stamps a chunk with its arrival) and a
 * writer (forwards it when its time comes), so a delay does not slow the bytes behind it: the
 * bandwidth stays the local one, only the latency grows.
 *
 * <p>It also counts the round trips clients make to PostgreSQL ({@link #roundTrips}): each chunk a
 * client sends that ends an exchange, that is holds a Sync (the end of an extended-protocol exchange,
 * however many statements it carries) or a simple Query. pgjdbc sends what it does not wait for in
 * the same write (its {@code BEGIN} with the first statement), so one chunk is one wait.
 */
final class DelayingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final long delayNanos;
    private final AtomicLong roundTrips = new AtomicLong();
    private volatile boolean open = true;

    /** Bytes to forward at {@code due}; {@code exchange}: the round trip it ends (0: none). */
    private record Chunk(long due, byte[] bytes, long exchange) {
    }

    /** Exchanges from this number on are held until {@link #release}d (tests: what a caller waits for). */
    private long holdFrom = Long.MAX_VALUE;

    /** A proxy on a free local port to {@code targetHost:targetPort}, {@code delayMicros} each way. */
    DelayingProxy(String targetHost, int targetPort, long delayMicros) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.delayNanos = TimeUnit.MICROSECONDS.toNanos(delayMicros);
        daemon("proxy-accept", this::accept);
    }

    /** The round trips clients made through it so far (the chunks they sent that end an exchange). */
    long roundTrips() {
        return roundTrips.get();
    }

    /**
     * Holds every exchange from the {@code exchange}th on (counted as {@link #roundTrips} counts
     * them): its bytes wait in the proxy, so a client that waits for its answer waits until
     * {@link #release}. A test's way of showing that a caller does not wait for what comes after
     * its answer.
     */
    synchronized void holdFrom(long exchange) {
        holdFrom = exchange;
    }

    /** Forwards what is held, and holds nothing more. */
    synchronized void release() {
        holdFrom = Long.MAX_VALUE;
        notifyAll();
    }

    private synchronized void awaitForwarding(long exchange) throws InterruptedException {
        while (exchange >= holdFrom) {
            wait();
        }
    }

    /** The local port clients connect to. */
    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                pipe(client, target, new FrontendMessages());
                pipe(target, client, null);
            } catch (IOException e) {
                if (open) {
                    System.err.println("proxy: " + e);
                }
            }
        }
    }

    private void pipe(Socket from, Socket to, FrontendMessages counted) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        daemon("proxy-read", () -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    long exchange = counted != null && counted.read(buffer, n) ? roundTrips.incrementAndGet() : 0;
                    queue.put(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n), exchange));
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended
            }
            queue.add(new Chunk(0, null, 0));
        });
        daemon("proxy-write", () -> {
            try {
                while (true) {
                    Chunk chunk = queue.take();
                    if (chunk.bytes() == null) {
                        break;
                    }
                    for (long left; (left = chunk.due() - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(left);
                    }
                    if (chunk.exchange() > 0) {
                        awaitForwarding(chunk.exchange());
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended
            }
            closeQuietly(from);
            closeQuietly(to);
        });
    }

    /**
     * Follows the PostgreSQL frontend protocol in a client's stream, chunk by chunk: the untyped
     * start (an SSL or GSS encryption request, then the startup message), then typed messages (a
     * type byte and a length that counts itself); tells of each chunk whether it holds a Sync
     * ('S') or a Query ('Q'): whether it ends an exchange.
     */
    private static final class FrontendMessages {
        private static final int SSL_REQUEST = 80877103;
        private static final int GSS_REQUEST = 80877104;
        private final byte[] header = new byte[8];
        private int headerRead;
        private long skip;
        private boolean started;

        /** Reads {@code length} bytes of the stream; whether they end an exchange. */
        boolean read(byte[] bytes, int length) {
            boolean waits = false;
            int i = 0;
            while (i < length) {
                if (skip > 0) {
                    int n = (int) Math.min(skip, length - i);
                    skip -= n;
                    i += n;
                    continue;
                }
                int want = started ? 5 : 8;
                while (headerRead < want && i < length) {
                    header[headerRead++] = bytes[i++];
                }
                if (headerRead < want) {
                    break;
                }
                headerRead = 0;
                if (started) {
                    waits |= header[0] == 'S' || header[0] == 'Q';

                    skip = intAt(1) - 4L;
                } else {
                    int size = intAt(0);
                    int code = intAt(4);
                    skip = size - 8L;
                    started = code != SSL_REQUEST && code != GSS_REQUEST;
                }
            }
            return waits;
        }

        private int intAt(int at) {
            return ((header[at] & 0xff) << 24) | ((header[at + 1] & 0xff) << 16) | ((header[at + 2] & 0xff) << 8)
                    | (header[at + 3] & 0xff);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}
