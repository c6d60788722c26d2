package dev.messaging.view.leadconnector;

import dev.messaging.message.MessageFile;
import dev.messaging.view.Iso;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** LeadConnector's {@code attachments} (a list of URLs) and the domain's files, both ways. */
final class Attachments {
    private Attachments() {
    }

    /**
     * A file per URL; an empty list for null. Upstream sends only the URL, so the file's id is
     * derived from it (a name-based UUID: the same URL is the same file) and its size and type are
     * unknown.
     */
    static List<MessageFile> files(List<String> urls) {
        return urls == null ? List.of() : urls.stream().map(url -> new MessageFile(
                UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8)).toString(), url, null, null, null, null))
                .toList();
    }

    /** The files' URLs, or null when there are none (as upstream leaves the field out). */
    static List<String> urls(List<MessageFile> files) {
        return Iso.orNull(files.stream().map(MessageFile::url).toList());
    }
}
