package dev.messaging.view.shopmonkey;

import dev.messaging.message.MessageFile;
import java.util.List;

/** A file of a Shopmonkey message. */
public record ShopmonkeyFile(String id, String url, String thumbnailUrl, Long fileSize, String fileType,
        String fileName) {

    static List<ShopmonkeyFile> from(List<MessageFile> files) {
        return files.stream().map(f -> new ShopmonkeyFile(f.id(), f.url(), f.thumbnailUrl(), f.fileSize(),
                f.fileType(), f.fileName())).toList();
    }

    static List<MessageFile> toDomain(List<ShopmonkeyFile> files) {
        return files == null ? List.of() : files.stream().map(f -> new MessageFile(f.id(), f.url(), f.thumbnailUrl(),
                f.fileSize(), f.fileType(), f.fileName())).toList();
    }
}
