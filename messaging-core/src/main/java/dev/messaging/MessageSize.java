package dev.messaging;

import dev.messaging.kernel.JsonValues;
import dev.messaging.kernel.Validator;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.MessageFile;
import dev.messaging.message.NewMessage;
import java.util.List;

/**
 * The size of a message as stored, counted over what may be large in it (its long texts, its
 * files, its email lists, its metadata) in UTF-8; its ids and short texts are bounded on their own.
 */
final class MessageSize {
    private MessageSize() {
    }

    /** Records a problem on {@code message} when {@code r} is larger than the limit (valid otherwise). */
    static void check(Validator v, NewMessage r) {
        long size = text(r.text()) + text(r.translation().originalText()) + text(r.suggestedReply().text())
                + JsonValues.encodedSize(r.metadata());
        for (MessageFile f : r.files()) {
            size += text(f.url()) + text(f.thumbnailUrl()) + text(f.fileName()) + text(f.fileType());
        }
        EmailDetails e = r.emailOptions().details();
        if (e != null) {
            size += text(e.html()) + texts(e.attachments()) + texts(e.to()) + texts(e.cc()) + texts(e.bcc());
        }
        int limit = v.limits().messageBytes();
        if (size > limit) {
            v.add("message", "is larger than " + limit + " bytes (" + size
                    + ", counting its texts, files, email lists and metadata)");
        }
    }

    private static long texts(List<String> values) {
        long size = 0;
        for (String value : values) {
            size += text(value);
        }
        return size;
    }

    private static long text(String value) {
        return value == null ? 0 : JsonValues.stringSize(value);
    }
}
