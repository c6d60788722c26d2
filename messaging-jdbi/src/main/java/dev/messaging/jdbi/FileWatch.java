package dev.messaging.jdbi;

import dev.messaging.error.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a SQLite file store's database file is still the one it opened. SQLite keeps writing to
 * a file deleted under it (its open descriptor still works), so writes would be acknowledged and
 * gone on reopen: the checkpoint thread compares the file's identity (its file key: device and
 * inode) every checkpoint, and once it is deleted or replaced every later call fails with a
 * {@link StorageException} naming the path. A check is one {@code stat}; a call's is a volatile read.
 */
final class FileWatch {
    /** For stores that are not a SQLite file of their own: never lost. */
    static final FileWatch NONE = new FileWatch(null, null);
    private static final Logger LOG = LoggerFactory.getLogger(FileWatch.class);
    private final Path path;
    private final Object key;
    private volatile String lost;

    private FileWatch(Path path, Object key) {
        this.path = path;
        this.key = key;
    }

    /** A watch of {@code path} as it is now (one that cannot tell a file's identity watches nothing). */
    /** The file watched; null for {@link #NONE}. */
    Path path() {
        return path;
    }

    static FileWatch of(Path path) {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return key == null ? NONE : new FileWatch(path, key);
        } catch (IOException e) {
            return NONE;
        }
    }

    /** Compares the file with the one opened; once it differs, the store is lost for good. */
    void check() {
        if (path == null || lost != null) {
            return;
        }
        String what = null;
        try {
            if (!Objects.equals(Files.readAttributes(path, BasicFileAttributes.class).fileKey(), key)) {
                what = "replaced";
            }
        } catch (NoSuchFileException e) {
            what = "deleted";
        } catch (IOException e) {
            return; // cannot tell now: the next check will
        }
        if (what != null) {
            lost = "the SQLite file " + path + " was deleted or replaced under the open store (" + what
                    + "): nothing more is read or written through it; reopen the store";
            LOG.error("messaging: {}", lost);
        }
    }

    /** Throws if the file was lost (see the class comment). */
    void ensure() {
        String message = lost;
        if (message != null) {
            throw new StorageException(message, null, false);
        }
    }

    /** Whether the file was lost. */
    boolean isLost() {
        return lost != null;
    }
}
