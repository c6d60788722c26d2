package dev.messaging.mail;

import java.util.Objects;

/** An email address and the display name shown with it (null for none). */
public record Mailbox(String address, String name) {
    public Mailbox {
        Objects.requireNonNull(address, "address");
    }

    /** The address without a display name. */
    public static Mailbox of(String address) {
        return new Mailbox(address, null);
    }
}
