package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void theQuickStartPrintsTheUnreadCount() throws Exception {
        Path file = Files.createTempDirectory("quickstart").resolve("messaging.db");
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[] {file.toString()});
        } finally {
            System.setOut(original);
        }
        assertEquals("Is my car ready? unread=1\nsqlite unread=1\noutlets=1 categories=1 zone=UTC\n", out.toString(StandardCharsets.UTF_8));
    }
}
