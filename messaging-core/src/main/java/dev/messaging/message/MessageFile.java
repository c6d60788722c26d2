package dev.messaging.message;

/** A file attached to a message; the service resolves its own file ids to these. */
public record MessageFile(String id, String url, String thumbnailUrl, Long fileSize, String fileType, String fileName) {
}
