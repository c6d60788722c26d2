package dev.messaging.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A real SMTP server over TCP that answers as a test scripts it, for what GreenMail will not do:
 * refuse a recipient or a message with a given code, or drop the connection in the middle of the
 * message's data. It keeps every message it accepted.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    /** What the server does with a message's data. */
    enum Data {
        ACCEPT, REFUSE_PERMANENTLY, REFUSE_FOR_NOW, DROP_MIDWAY
    }

    private final ServerSocket socket;
    private final Function<String, String> recipientAnswer;
    private final IntFunction<Data> dataAction;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /**
     * A server answering each RCPT TO with {@code recipientAnswer(address)} (e.g. "250 OK",
     * "550 5.1.1 no such user") and the data of the n-th message it is sent (1-based, over every
     * connection) as {@code dataAction(n)} says.
     */
    ScriptedSmtpServer(Function<String, String> recipientAnswer, IntFunction<Data> dataAction) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.recipientAnswer = recipientAnswer;
        this.dataAction = dataAction;
        this.acceptor = new Thread(this::acceptAll, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The data of every message accepted, in order. */
    List<String> accepted() {
        return accepted;
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread t = new Thread(() -> serve(client), "scripted-smtp-" + connections.incrementAndGet());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.US_ASCII)); OutputStream out = client.getOutputStream()) {
            say(out, "220 scripted ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> say(out, "250 scripted");
                    case "MAIL", "RSET", "NOOP" -> say(out, "250 OK");
                    case "RCPT" -> say(out, recipientAnswer.apply(line.substring(line.indexOf(':') + 1).trim()));
                    case "DATA" -> {
                        Data action = dataAction.apply(messages.incrementAndGet());
                        say(out, "354 go ahead");
                        StringBuilder data = new StringBuilder();
                        int lines = 0;
                        for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
                            data.append(d).append("\r\n");
                            if (action == Data.DROP_MIDWAY && ++lines == 3) {
                                return;
                            }
                        }
                        switch (action) {
                            case ACCEPT -> {
                                accepted.add(data.toString());
                                say(out, "250 2.0.0 OK queued as Q" + accepted.size());
                            }
                            case REFUSE_PERMANENTLY -> say(out, "554 5.7.1 message refused");
                            case REFUSE_FOR_NOW -> say(out, "451 4.3.0 try again later");
                            default -> {
                                return;
                            }
                        }
                    }
                    case "QUIT" -> {
                        say(out, "221 bye");
                        return;
                    }
                    default -> say(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away: this connection is done
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
