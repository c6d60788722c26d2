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

    private record Chunk(long due, byte[] bytes) {
    }

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
                pipe(client, target, new FrontendMessages(roundTrips));
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
                    if (counted != null) {
                        counted.read(buffer, n);
                    }
                    queue.put(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended
            }
            queue.add(new Chunk(0, null));
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
     * type byte and a length that counts itself); counts each chunk that holds a Sync ('S') or a
     * Query ('Q').
     */
    private static final class FrontendMessages {
        private static final int SSL_REQUEST = 80877103;
        private static final int GSS_REQUEST = 80877104;
        private final AtomicLong roundTrips;
        private final byte[] header = new byte[8];
        private int headerRead;
        private long skip;
        private boolean started;

        FrontendMessages(AtomicLong roundTrips) {
            this.roundTrips = roundTrips;
        }

        void read(byte[] bytes, int length) {
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
            if (waits) {
                roundTrips.incrementAndGet();
            }
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
