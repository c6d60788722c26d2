package dev.messaging.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type, constructor and method of core and messaging-jdbi, and every method an
 * interface declares, has a Javadoc comment (an {@code @Override} inherits its interface's). Read
 * from the sources line by line, the way they are written here: a declaration at the start of a
 * line, its comment (or annotations, then the comment) right above it.
 */
class JavadocCoverageTest {
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"),
            Path.of("../messaging-jdbi/src/main/java"));
    private static final Pattern PUBLIC_DECLARATION = Pattern.compile(
            "^\\s*public\\s+(?!.*=)(?!.*;\\s*$).*[\\w>\\]]\\s+\\w+\\s*\\(.*|^\\s*public\\s+(static\\s+|final\\s+|"
                    + "abstract\\s+|sealed\\s+)*(class|interface|enum|record|@interface)\\s+\\w+.*"
                    + "|^\\s*public\\s+\\w+\\s*\\(.*");
    private static final Pattern INTERFACE_METHOD = Pattern.compile(
            "^ {4,8}(?! )(?!public |private |static |default |return |throw |@)[\\w<>\\[\\], ?.]+\\s+\\w+\\(.*\\)\\s*(throws [\\w, .]+)?;\\s*$");

    @Test
    void everyPublicDeclarationHasJavadoc() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (!name.equals("module-info.java") && !name.equals("package-info.java")) {
                        missing.addAll(undocumented(file));
                    }
                }
            }
        }
        assertThat(missing).as("public declarations without Javadoc").isEmpty();
    }

    private static List<String> undocumented(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        boolean isInterface = lines.stream().anyMatch(l -> l.matches("^public (sealed )?interface .*"));
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean declaration = PUBLIC_DECLARATION.matcher(line).matches()
                    || isInterface && INTERFACE_METHOD.matcher(line).matches();
            if (!declaration) {
                continue;
            }
            int above = i - 1;
            boolean overrides = false;
            while (above >= 0 && lines.get(above).trim().startsWith("@")) {
                overrides |= lines.get(above).trim().startsWith("@Override");
                above--;
            }
            if (!overrides && (above < 0 || !lines.get(above).trim().endsWith("*/"))) {
                missing.add(file + ":" + (i + 1) + ": " + line.trim());
            }
        }
        return missing;
    }
}
