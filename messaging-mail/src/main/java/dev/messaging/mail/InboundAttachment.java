package dev.messaging.mail;

/** A file of a received email: its name (sanitized, never null), MIME type and content. */
public record InboundAttachment(String fileName, String contentType, byte[] content) {
}
