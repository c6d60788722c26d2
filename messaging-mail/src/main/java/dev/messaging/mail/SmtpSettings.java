package dev.messaging.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a {@link MailSender} hands mail over: the SMTP server, its {@link Security}, the
 * login (null for none), the timeouts, and how many connections it keeps open at most (size it to
 * the worker's threads: each sending thread holds one while it sends). SendGrid, Mailgun, Amazon
 * SES and Postmark all take SMTP on port 587 with STARTTLS and a login.
 */
public record SmtpSettings(String host, int port, Security security, String username, String password,
        Duration connectTimeout, Duration readTimeout, int connections) {

    /** How the connection is protected. */
    public enum Security {
        /** No TLS: a server on this host or a test server only. */
        NONE,
        /** Plain connection upgraded by STARTTLS, which the server must offer (port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        TLS
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1: " + connections);
        }
    }

    /** A server at {@code host}:{@code port} with STARTTLS, no login, 10 s timeouts and 4 connections. */
    public static SmtpSettings of(String host, int port) {
        return new SmtpSettings(host, port, Security.STARTTLS, null, null, Duration.ofSeconds(10),
                Duration.ofSeconds(10), 4);
    }

    /** These settings with {@code value} as the connection's protection. */
    public SmtpSettings security(Security value) {
        return new SmtpSettings(host, port, value, username, password, connectTimeout, readTimeout, connections);
    }

    /** These settings logging in as {@code user} with {@code secret}. */
    public SmtpSettings login(String user, String secret) {
        return new SmtpSettings(host, port, security, user, secret, connectTimeout, readTimeout, connections);
    }

    /** These settings keeping at most {@code value} connections open. */
    public SmtpSettings connections(int value) {
        return new SmtpSettings(host, port, security, username, password, connectTimeout, readTimeout, value);
    }

    /** These settings with the given connect and read timeouts. */
    public SmtpSettings timeouts(Duration connect, Duration read) {
        return new SmtpSettings(host, port, security, username, password, connect, read, connections);
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security + (username == null ? "" : ", user " + username)
                + ", " + connections + " connections]";
    }
}
